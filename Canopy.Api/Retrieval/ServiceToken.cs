using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Retrieval;

/// <summary>
/// canopy-be's own access token for canopy-rag (client credentials as the provider's client <c>canopy-be</c>), used when
/// the caller came with a personal API key and so has no token to pass on. Written here with a reason: ASP.NET Core has
/// no client-credentials client, and OpenIddict's brings Polly 7 beside the Polly 8 canopy-be uses.
/// </summary>
public sealed class ServiceToken(IHttpClientFactory clients, IOptionsMonitor<JwtBearerOptions> bearer, IOptions<ServiceClientOptions> client, TimeProvider time)
{
    public const string HttpClientName = "identity-token";
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _current;

    /// <summary>A valid token, or null when no client secret is configured or the provider refuses (the search then fails as unavailable).</summary>
    public async Task<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && current.RenewAt > time.GetUtcNow()) return current.Token;
        if (client.Value.ClientSecret is not { Length: > 0 } secret
            || bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager is not { } metadata) return null;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } fresh && fresh.RenewAt > time.GetUtcNow()) return fresh.Token;
            var endpoint = (await metadata.GetConfigurationAsync(cancellationToken)).TokenEndpoint;
            using var http = clients.CreateClient(HttpClientName);
            using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = client.Value.ClientId, ["client_secret"] = secret, ["scope"] = CanopyAudiences.Rag,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode) return null;
            var answer = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            if (answer?.AccessToken is not { Length: > 0 } token) return null;
            _current = (token, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(answer.ExpiresIn ?? 300, 120)) - Margin);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string? AccessToken, [property: JsonPropertyName("expires_in")] int? ExpiresIn);
}

/// <summary>canopy-be as a client of the provider (<c>Canopy:Identity:ClientId</c>, <c>ClientSecret</c>).</summary>
public sealed class ServiceClientOptions
{
    public string ClientId { get; set; } = "canopy-be";
    public string? ClientSecret { get; set; }
}
