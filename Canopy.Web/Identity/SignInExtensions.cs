using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace Canopy.Web.Identity;

public static class SignInExtensions
{
    /// <summary>Cookie sessions started by an OpenID Connect sign-in at canopy-identity; start-up fails when its settings are missing.</summary>
    public static IHostApplicationBuilder AddSignIn(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                // The session lasts as long as its access token (set at sign-in); sliding would outlive the token.
                options.SlidingExpiration = false;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Cookies do not tell ports apart: locally canopy-identity and the dashboard share the host, so the name says whose it is.
                options.Cookie.Name = ".canopy-ui";
            })
            .AddOpenIdConnect();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, OpenIdConnectSetup>();
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, RefusedPageHandler>();
        services.AddCascadingAuthenticationState();

        services.AddHttpContextAccessor();
        services.AddSingleton<CircuitServicesAccessor>();
        services.AddScoped<CircuitHandler, CircuitServicesHandler>();
        services.AddScoped<SessionExpiry>();
        services.AddTransient<AccessTokenHandler>();
        // The chat-turn root carries the user's pseudonymous id, keyed like canopy-be's and canopy-rag's.
        services.AddOptions<IdentityProviderOptions>().BindConfiguration(IdentityProviderOptions.Section);
        services.AddSingleton<Pseudonyms>();
        return builder;
    }

    /// <summary>Calls made with this client carry the signed-in user's access token.</summary>
    public static IHttpClientBuilder AddAccessToken(this IHttpClientBuilder client) => client.AddHttpMessageHandler<AccessTokenHandler>();

    /// <summary>canopy-identity's settings, read once the app is built (the security headers need its origin).</summary>
    public static IdentityOptions SignInSettings(this WebApplication app) => app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
}
