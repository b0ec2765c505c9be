using Canopy.Identity.Account;
using Canopy.Identity.Server;
using Canopy.Identity.Users;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Canopy.Identity.Connect;

/// <summary>
/// The passthrough endpoints: OpenIddict has validated each request (client, redirect URI, PKCE, code, scopes) before
/// these run; they decide who the user (or, for client credentials, the client) is and what the tokens say.
/// </summary>
public static class ConnectEndpoints
{
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IHostApplicationBuilder AddConnectEndpoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserPrincipals>();
        builder.Services.AddScoped<ServicePrincipals>();
        return builder;
    }

    public static WebApplication MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/" + ConnectPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapPost("/" + ConnectPaths.Token, ExchangeAsync);
        app.MapMethods("/" + ConnectPaths.Logout, [HttpMethods.Get, HttpMethods.Post], (Delegate)LogoutAsync);
        app.MapMethods("/" + ConnectPaths.UserInfo, [HttpMethods.Get, HttpMethods.Post], UserInfoAsync);
        return app;
    }

    /// <summary>Issues the code for the user of the identity cookie, or sends the browser to the login page first.</summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext context, UserDirectory users, UserPrincipals principals)
    {
        var request = RequestOf(context);
        var cookie = await context.AuthenticateAsync(IdentityCookie.Scheme);
        var user = users.Find(cookie.Principal?.Identity?.Name);
        if (user is null)
        {
            if (request.HasPromptValue(PromptValues.None)) return Forbid(Errors.LoginRequired, "The user is not signed in.");
            var back = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : context.Request.Query);
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = back }, [IdentityCookie.Scheme]);
        }
        var principal = await principals.CreateAsync(user, request.GetScopes(), context.RequestAborted);
        return TypedResults.SignIn(principal, authenticationScheme: Server);
    }

    /// <summary>Authorization code and refresh token grants: the user must still be able to sign in; claims are issued afresh.</summary>
    /// <remarks>Client credentials are answered by <see cref="IssueToClientAsync"/>.</remarks>
    private static async Task<IResult> ExchangeAsync(HttpContext context, UserDirectory users, UserPrincipals principals, ServicePrincipals services)
    {
        var request = RequestOf(context);
        if (request.IsClientCredentialsGrantType()) return await IssueToClientAsync(context, request, services);
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
            return Forbid(Errors.UnsupportedGrantType, "Only the authorization_code, refresh_token and client_credentials grants are supported.");
        var granted = (await context.AuthenticateAsync(Server)).Principal;
        var user = users.Find(granted?.GetClaim(Claims.Subject));
        if (granted is null || user is null) return Forbid(Errors.InvalidGrant, "The user can no longer sign in.");
        var principal = await principals.CreateAsync(user, granted.GetScopes(), context.RequestAborted);
        return TypedResults.SignIn(principal, authenticationScheme: Server);
    }

    /// <summary>Client credentials: OpenIddict has authenticated the client and checked its scopes; the token speaks for the client.</summary>
    private static async Task<IResult> IssueToClientAsync(HttpContext context, OpenIddictRequest request, ServicePrincipals services)
    {
        var scopes = request.GetScopes();
        // API scopes only: openid would add an identity token naming no user, and no scope at all a token no API accepts.
        if (scopes.IsEmpty || !scopes.All(CanopyScopes.ApiResources.ContainsKey))
            return Forbid(Errors.InvalidScope, "The client credentials grant gives an access token for an API: ask for API scopes (canopy-rag) only.");
        var principal = await services.CreateAsync(request.ClientId!, scopes, context.RequestAborted);
        return TypedResults.SignIn(principal, authenticationScheme: Server);
    }

    /// <summary>Ends the identity cookie; OpenIddict then redirects to the client's registered post-logout URI, if it gave one.</summary>
    private static async Task<IResult> LogoutAsync(HttpContext context)
    {
        await context.SignOutAsync(IdentityCookie.Scheme);
        return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = AccountEndpoints.LoginPath }, [Server]);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, UserDirectory users)
    {
        var principal = (await context.AuthenticateAsync(Server)).Principal;
        var user = users.Find(principal?.GetClaim(Claims.Subject));
        if (principal is null || user is null)
            return TypedResults.Challenge(ErrorProperties(Errors.InvalidToken, "The user can no longer sign in."), [Server]);
        var claims = new Dictionary<string, string>(StringComparer.Ordinal) { [Claims.Subject] = user.Name };
        if (principal.HasScope(Scopes.Profile)) claims[Claims.Name] = user.Name;
        if (principal.HasScope(Scopes.Roles)) claims[Claims.Role] = user.Role;
        return TypedResults.Ok(claims);
    }

    private static OpenIddictRequest RequestOf(HttpContext context) =>
        context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not attach the OpenID Connect request.");

    private static IResult Forbid(string error, string description) => TypedResults.Forbid(ErrorProperties(error, description), [Server]);

    private static AuthenticationProperties ErrorProperties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
