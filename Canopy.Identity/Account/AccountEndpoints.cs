using System.Security.Claims;
using Canopy.Identity.Configuration;
using Canopy.Identity.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Canopy.Identity.Account;

/// <summary>The login page: a form posted with an antiforgery token, a cookie on success, back to a local return URL.</summary>
public static partial class AccountEndpoints
{
    public const string LoginPath = "/account/login";

    public static IHostApplicationBuilder AddAccount(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(IdentityCookie.Scheme).AddCookie(IdentityCookie.Scheme, cookie =>
        {
            cookie.Cookie.Name = IdentityCookie.Name;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = LoginPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.Name = IdentityCookie.AntiforgeryName);
        return builder;
    }

    /// <summary>
    /// The policy of every response: nothing runs, only login.css loads, and the form may post here and be redirected on to
    /// the UI client (Chromium checks form-action on each redirect of the chain).
    /// </summary>
    public static string ContentSecurityPolicy(WebApplication app)
    {
        var ui = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.UiClient.BaseUri;
        var formAction = ui is null ? "'self'" : $"'self' {ui.GetLeftPart(UriPartial.Authority)}";
        return $"default-src 'none'; style-src 'self'; img-src 'self'; form-action {formAction}; frame-ancestors 'none'; base-uri 'none'";
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapGet(LoginPath, ShowLogin);
        app.MapPost(LoginPath, SignInAsync);
        return app;
    }

    private static IResult ShowLogin(HttpContext context, IAntiforgery antiforgery, [FromQuery(Name = "ReturnUrl")] string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && !ReturnUrls.IsLocal(returnUrl)
            ? LoginPage.Message(context, LoginPage.NotLocalReturnUrl, StatusCodes.Status400BadRequest)
            : LoginPage.Form(context, antiforgery.GetAndStoreTokens(context), returnUrl);

    private static async Task<IResult> SignInAsync(
        HttpContext context, IAntiforgery antiforgery, UserDirectory users, ILoggerFactory loggers, [FromForm] LoginForm form)
    {
        var logger = loggers.CreateLogger(typeof(AccountEndpoints));
        if (!string.IsNullOrEmpty(form.ReturnUrl) && !ReturnUrls.IsLocal(form.ReturnUrl))
        {
            LogNotLocal(logger);
            return LoginPage.Message(context, LoginPage.NotLocalReturnUrl, StatusCodes.Status400BadRequest);
        }
        var user = users.Verify(form.UserName, form.Password);
        if (user is null)
        {
            // A name that is not a user's may be a password typed in the wrong field: it is not logged.
            LogRefused(logger, CanopyUser.Seeded.FirstOrDefault(u => u.Name.Equals(form.UserName, StringComparison.OrdinalIgnoreCase))?.Name ?? "an unknown user name");
            return LoginPage.Form(context, antiforgery.GetAndStoreTokens(context), form.ReturnUrl, form.UserName, LoginPage.WrongCredentials);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], IdentityCookie.Scheme);
        await context.SignInAsync(IdentityCookie.Scheme, new ClaimsPrincipal(identity));
        LogSignedIn(logger, user.Name);
        return string.IsNullOrEmpty(form.ReturnUrl)
            ? LoginPage.Message(context, $"You are signed in as {user.Name}.", StatusCodes.Status200OK)
            : TypedResults.LocalRedirect(form.ReturnUrl);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in {UserName}.")]
    private static partial void LogSignedIn(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in refused for {UserName}: wrong user name or password.")]
    private static partial void LogRefused(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: the return URL is not on this site.")]
    private static partial void LogNotLocal(ILogger logger);
}
