using Canopy.Identity.Configuration;
using Canopy.Identity.Storage;
using Canopy.Identity.Users;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Canopy.Identity.Server;

public static class IdentityServerExtensions
{
    /// <summary>Options, users, storage and the OpenIddict server with its endpoints handled by <c>MapConnectEndpoints</c>.</summary>
    public static IHostApplicationBuilder AddIdentityServer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidator>();
        builder.Services.AddSingleton<UserDirectory>();
        builder.AddIdentityStorage();

        // Read now: keys and transport are chosen while OpenIddict is configured; the validator reports mistakes at start.
        var options = builder.Configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(ConnectPaths.Authorize)
                    .SetTokenEndpointUris(ConnectPaths.Token)
                    .SetEndSessionEndpointUris(ConnectPaths.Logout)
                    .SetUserInfoEndpointUris(ConnectPaths.UserInfo);
                // Client credentials: canopy-be calls canopy-rag as itself when its caller used an API key (no user token to pass on).
                server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().AllowClientCredentialsFlow().RequireProofKeyForCodeExchange();
                // 'plain' PKCE sends the verifier itself in the authorization request: only S256 is offered.
                server.Configure(o => o.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                server.RegisterScopes(CanopyScopes.All);
                // canopy-be and canopy-rag validate access tokens with plain JwtBearer, which reads signed JWTs only.
                server.DisableAccessTokenEncryption();
                if (Uri.TryCreate(options.Issuer, UriKind.Absolute, out var issuer)) server.SetIssuer(issuer);
                server.AddTokenCredentials(options, builder.Environment);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (options.AllowHttp || builder.Environment.IsDevelopment()) aspNetCore.DisableTransportSecurityRequirement();
            });
        builder.Services.AddHostedService<RegistrationSeeder>();
        return builder;
    }
}
