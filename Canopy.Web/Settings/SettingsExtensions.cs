using Canopy.Web.Chat;
using Canopy.Web.Identity;
using Microsoft.Extensions.Options;

namespace Canopy.Web.Settings;

public static class SettingsExtensions
{
    /// <summary>The settings page's client of canopy-be, with the user's token; a PUT or DELETE sent twice sets the same switch, so retries are safe.</summary>
    public static IHostApplicationBuilder AddSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient<SettingsClient>((sp, http) => http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<ChatUiOptions>>().Value.ApiUri))
            .AddAccessToken();
        return builder;
    }
}
