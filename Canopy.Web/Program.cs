using Canopy.Web.Chat;
using Canopy.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCanopyUi();
builder.AddChat();

var app = builder.Build();

app.UseSecurityHeaders(UiExtensions.ContentSecurityPolicy);
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapCanopyUi();

app.Run();
