using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace Canopy.Web.Identity;

/// <summary><c>GET /account/login</c> starts a sign-in at canopy-identity; <c>POST /account/logout</c> ends both the UI's and the provider's session.</summary>
public static class SignInEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPath, (string? returnUrl) =>
                TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        // A form field makes the endpoint validate the antiforgery token, so another site cannot sign the user out.
        app.MapPost(LogoutPath, ([FromForm] string? returnUrl) =>
            TypedResults.SignOut(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]));
        return app;
    }

    /// <summary>Only a path of this site: a sign-in link must not send the user on to another site.</summary>
    internal static string LocalOrHome(string? returnUrl) =>
        returnUrl is ['/', not ('/' or '\\'), ..] or "/" && !returnUrl.Any(char.IsControl) ? returnUrl : "/";

    /// <summary>The sign-in link for the page the user is on.</summary>
    public static string LoginUrl(string? returnUrl) => $"{LoginPath}?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}";
}
