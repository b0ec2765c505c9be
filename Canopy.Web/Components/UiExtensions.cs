namespace Canopy.Web.Components;

public static class UiExtensions
{
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
