using Canopy.Web.Identity;

namespace Canopy.Web.Components;

public static class UiExtensions
{
    /// <summary>
    /// Scripts, styles and connections from the UI's own origin only (Blazor Server needs no inline script or eval);
    /// style attributes are allowed because components size elements with them (the timing bar), style elements are not.
    /// Forms may also go to canopy-identity: sign-out redirects there, and the browser checks form-action on every redirect.
    /// </summary>
    public static string ContentSecurityPolicy(IdentityOptions identity) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        $"connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self' {identity.Origin}; object-src 'none'";

    public static IHostApplicationBuilder AddCanopyUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    /// <summary>Every page needs a signed-in user; health, static assets, sign-in and its callbacks stay open.</summary>
    public static WebApplication MapCanopyUi(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization();
        return app;
    }
}
