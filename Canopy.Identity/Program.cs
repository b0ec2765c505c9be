using Canopy.Identity.Account;
using Canopy.Identity.Connect;
using Canopy.Identity.Server;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddIdentityServer();
builder.AddConnectEndpoints();
builder.AddAccount();

var app = builder.Build();

app.UseSecurityHeaders(AccountEndpoints.ContentSecurityPolicy(app));
app.UseDefaultExceptionHandling();
app.UseAuthentication();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapConnectEndpoints();
app.MapAccountEndpoints();

app.Run();
