using Microsoft.Extensions.Options;

namespace Canopy.Web.ApiKeys;

/// <summary>
/// Where the OpenAI-compatible front door is, to show next to a new key: the configured public address, else canopy-be's
/// endpoint from service discovery (the AppHost's localhost port), else a placeholder.
/// </summary>
public sealed class FrontDoorAddress(IOptions<ApiKeysOptions> options, IConfiguration configuration)
{
    public const string Placeholder = "http(s)://<canopy-be>";

    public string V1 { get; } = (Address(options.Value, configuration) ?? Placeholder) + "/v1";

    private static string? Address(ApiKeysOptions options, IConfiguration configuration)
    {
        var address = options.PublicApiUri is { Length: > 0 } configured ? configured
            : configuration["services:canopy-be:https:0"] ?? configuration["services:canopy-be:http:0"];
        return Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
