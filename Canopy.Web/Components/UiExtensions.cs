namespace Canopy.Web.Components;

public static class UiExtensions
{
    /// <summary>
    /// Scripts, styles and connections from the UI's own origin only (Blazor Server needs no inline script or eval);
    /// style attributes are allowed because components size elements with them (the timing bar), style elements are not.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IHostApplicationBuilder AddCanopyUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        return builder;
    }

    public static WebApplication MapCanopyUi(this WebApplication app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
