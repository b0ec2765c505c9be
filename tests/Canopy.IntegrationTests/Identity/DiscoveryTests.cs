using System.Text.Json;

namespace Canopy.IntegrationTests.Identity;

/// <summary>What a client learns from the discovery document: the endpoints, the code and client-credentials flows, PKCE with S256, the API scopes.</summary>
public sealed class DiscoveryTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>
{
    [Fact]
    public async Task The_discovery_document_names_the_endpoints_and_the_code_flow_with_PKCE()
    {
        using var client = provider.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration"));
        var root = document.RootElement;

        Assert.Equal("http://localhost/connect/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/connect/logout", root.GetProperty("end_session_endpoint").GetString());
        Assert.Equal("http://localhost/connect/userinfo", root.GetProperty("userinfo_endpoint").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("jwks_uri").GetString()));
        Assert.Equal(["authorization_code", "client_credentials", "refresh_token"], Strings(root, "grant_types_supported").Order());
        Assert.Equal(["code"], Strings(root, "response_types_supported"));
        Assert.Equal(["S256"], Strings(root, "code_challenge_methods_supported"));
        Assert.Superset(new HashSet<string> { "openid", "profile", "roles", "offline_access", "canopy-be", "canopy-rag" }, Strings(root, "scopes_supported").ToHashSet());
    }

    [Fact]
    public async Task The_signing_keys_are_published_without_private_parts()
    {
        using var client = provider.CreateClient();
        using var discovery = JsonDocument.Parse(await client.GetStringAsync("/.well-known/openid-configuration"));
        using var jwks = JsonDocument.Parse(await client.GetStringAsync(discovery.RootElement.GetProperty("jwks_uri").GetString()));

        var keys = jwks.RootElement.GetProperty("keys").EnumerateArray().ToList();
        Assert.Contains(keys, k => k.GetProperty("use").GetString() == "sig" && k.GetProperty("kty").GetString() == "RSA");
        Assert.All(keys, k => Assert.False(k.TryGetProperty("d", out _), "a published key has a private exponent"));
    }

    private static IEnumerable<string> Strings(JsonElement root, string name) =>
        root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!);
}
