using Canopy.Calendar;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddBearerAuthentication(CanopyAudiences.Calendar);
builder.AddCalendar();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDefaultExceptionHandling();
app.UseSameOriginRequestsOnly();
app.UseBearerAuthentication();
app.MapDefaultEndpoints();
app.MapCalendarMcp();

app.Run();
