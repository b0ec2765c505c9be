using Canopy.Web.ApiKeys;
using Canopy.Web.Chat;
using Canopy.Web.Components;
using Canopy.Web.Evaluations;
using Canopy.Web.Identity;
using Canopy.Web.Prompts;
using Canopy.Web.Settings;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSignIn();
builder.AddCanopyUi();
builder.AddChat();
builder.AddApiKeys();
builder.AddSettings();
builder.AddPrompts();
builder.AddEvaluations();

var app = builder.Build();

app.UseSecurityHeaders(UiExtensions.ContentSecurityPolicy(app.SignInSettings()));
app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapSignIn();
app.MapCanopyUi();

app.Run();
