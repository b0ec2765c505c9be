using System.Diagnostics;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// A service accepts only bearer tokens issued for its own audience by the configured provider, and every endpoint
/// but the probes needs one (the fallback policy); roles become the reader, instructor and admin policies.
/// </summary>
public static class BearerAuthentication
{
    public static IHostApplicationBuilder AddBearerAuthentication(this IHostApplicationBuilder builder, string audience)
    {
        builder.Services.AddOptions<IdentityProviderOptions>().BindConfiguration(IdentityProviderOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<IdentityProviderOptions>, IdentityProviderOptionsValidator>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            bearer.Audience = audience;
            // Claims keep the provider's short names (sub, name, role) instead of the WS-* URIs.
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters.NameClaimType = "name";
            bearer.TokenValidationParameters.RoleClaimType = "role";
        });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityProviderOptions>>((bearer, identity) =>
            {
                if (identity.Value.Authority is not { Length: > 0 } authority) return;
                bearer.Authority = authority;
                // Locally canopy-identity serves plain HTTP; a cluster's provider is reached over HTTPS.
                bearer.RequireHttpsMetadata = authority.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
            });
        builder.Services.AddSingleton<Pseudonyms>();
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            // Every caller is someone: a token without a subject cannot own feedback, keys or limits.
            .AddPolicy(CanopyRoles.ReaderPolicy, p => p.RequireRole(CanopyRoles.Student, CanopyRoles.Instructor, CanopyRoles.Admin).RequireClaim("sub"))
            .AddPolicy(CanopyRoles.SearchPolicy, p => p.RequireRole(CanopyRoles.Student, CanopyRoles.Instructor, CanopyRoles.Admin, CanopyRoles.Service).RequireClaim("sub"))
            .AddPolicy(CanopyRoles.InstructorPolicy, p => p.RequireRole(CanopyRoles.Instructor, CanopyRoles.Admin).RequireClaim("sub"))
            .AddPolicy(CanopyRoles.AdminPolicy, p => p.RequireRole(CanopyRoles.Admin).RequireClaim("sub"));
        return builder;
    }

    public static WebApplication UseBearerAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        // After authorization: an endpoint's own schemes (the front door's API keys) decide who the caller is.
        app.UseAuthorization();
        var pseudonyms = app.Services.GetRequiredService<Pseudonyms>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Canopy.Identity");
        app.Use(async (context, next) =>
        {
            if (pseudonyms.Of(context.User) is not { } id)
            {
                await next(context);
                return;
            }
            Activity.Current?.SetTag(Pseudonyms.Attribute, id);
            // Every log written while serving the request carries the id, never the login name.
            using (logger.BeginScope(new Dictionary<string, object> { [Pseudonyms.Attribute] = id }))
                await next(context);
        });
        return app;
    }
}
