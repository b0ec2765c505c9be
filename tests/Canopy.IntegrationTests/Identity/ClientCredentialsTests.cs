using Canopy.TestUtilities.Files;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Canopy.IntegrationTests.Identity;

/// <summary>
/// canopy-be gets a token of its own, for canopy-rag only, with its secret and the client-credentials grant; no other
/// client may use that grant, and without a configured secret canopy-be is not a client at all.
/// </summary>
public sealed class ClientCredentialsTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>, IDisposable
{
    private const string ServiceClientId = "canopy-be";
    private readonly string _dataPath = TestDirectory.Create("canopy-identity-service-");

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // How canopy-be's ServiceToken sends it.
    public async Task With_its_secret_canopy_be_gets_a_signed_JWT_for_canopy_rag_only_and_no_refresh_token(bool secretInForm)
    {
        using var client = provider.CreateClient();

        var answer = await RequestTokenAsync(client, ServiceClientId, IdentityProviderFactory.ServiceSecret, "canopy-rag", secretInForm);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Bearer", answer.String("token_type"));
        Assert.Null(answer.String("refresh_token"));
        Assert.Null(answer.String("id_token"));
        var token = answer.String("access_token");
        Assert.NotNull(token);
        var access = new JsonWebToken(token);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal(ServiceClientId, access.Subject);
        Assert.Equal(ServiceClientId, access.GetClaim("name").Value);
        Assert.Equal("service", access.GetClaim("role").Value);
        Assert.Equal(["canopy-rag"], access.Audiences);
        Assert.Equal("canopy-rag", access.GetClaim("scope").Value);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_as_an_invalid_client()
    {
        using var client = provider.CreateClient();

        var answer = await RequestTokenAsync(client, ServiceClientId, "not-the-canopy-be-secret", "canopy-rag");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.String("error"));
    }

    [Theory]
    [InlineData("canopy-be")]
    [InlineData("canopy-rag canopy-be")]
    [InlineData("profile canopy-rag")]
    public async Task The_service_client_may_ask_for_no_scope_outside_its_permissions(string scope)
    {
        using var client = provider.CreateClient();

        var answer = await RequestTokenAsync(client, ServiceClientId, IdentityProviderFactory.ServiceSecret, scope);

        // OpenIddict's answer to a scope the client has no permission for (ID2051): invalid_request, not invalid_scope.
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_request", answer.String("error"));
        Assert.Equal("This client application is not allowed to use the specified scope.", answer.String("error_description"));
    }

    [Theory]
    [InlineData("openid canopy-rag")]
    [InlineData("")]
    public async Task A_request_without_an_API_scope_or_with_openid_is_refused_as_an_invalid_scope(string scope)
    {
        using var client = provider.CreateClient();

        var answer = await RequestTokenAsync(client, ServiceClientId, IdentityProviderFactory.ServiceSecret, scope);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_scope", answer.String("error"));
        Assert.Null(answer.String("id_token"));
    }

    [Theory]
    [InlineData(null, "invalid_request")] // OpenIddict: client_credentials needs a client secret (ID2057).
    [InlineData("made-up-cli-secret", "unauthorized_client")] // OpenIddict: not a grant for a public client (ID2043).
    public async Task The_public_CLI_client_cannot_use_client_credentials(string? secret, string error)
    {
        using var client = provider.CreateClient();

        var answer = await RequestTokenAsync(client, OidcSignIn.ClientId, secret, "canopy-rag");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(error, answer.String("error"));
        Assert.Null(answer.String("access_token"));
    }

    [Fact]
    public async Task The_UI_client_has_a_secret_but_no_permission_for_client_credentials()
    {
        using var client = provider.CreateClient();

        var answer = await RequestTokenAsync(client, "canopy-ui", IdentityProviderFactory.UiSecret, "canopy-rag");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("unauthorized_client", answer.String("error"));
    }

    [Fact]
    public async Task Without_a_configured_secret_canopy_be_gets_no_token_even_if_an_earlier_run_registered_it()
    {
        using (var first = IdentityProviderFactory.With(_ => { }, _dataPath))
        using (var client = first.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(client, ServiceClientId, IdentityProviderFactory.ServiceSecret, "canopy-rag")).Status);
        }

        using var second = IdentityProviderFactory.With(s => s.Remove("Identity:ServiceClient:Secret"), _dataPath);
        using var again = second.CreateClient();
        var answer = await RequestTokenAsync(again, ServiceClientId, IdentityProviderFactory.ServiceSecret, "canopy-rag");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("invalid_client", answer.String("error"));
    }

    [Fact]
    public async Task After_a_restart_with_a_new_secret_only_the_new_secret_works()
    {
        const string newSecret = "canopy-be-rotated-secret";
        using (var first = IdentityProviderFactory.With(_ => { }, _dataPath))
        using (var client = first.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(client, ServiceClientId, IdentityProviderFactory.ServiceSecret, "canopy-rag")).Status);
        }

        using var second = IdentityProviderFactory.With(s => s["Identity:ServiceClient:Secret"] = newSecret, _dataPath);
        using var again = second.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await RequestTokenAsync(again, ServiceClientId, IdentityProviderFactory.ServiceSecret, "canopy-rag")).Status);
        Assert.Equal(HttpStatusCode.OK, (await RequestTokenAsync(again, ServiceClientId, newSecret, "canopy-rag")).Status);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }

    /// <summary>A client-credentials request: the secret in an HTTP Basic header (client_secret_basic) or in the form (client_secret_post).</summary>
    private static async Task<TokenAnswer> RequestTokenAsync(HttpClient client, string clientId, string? secret, string scope, bool secretInForm = false)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (scope.Length > 0) form["scope"] = scope;
        if (secret is null || secretInForm) form["client_id"] = clientId;
        if (secret is not null && secretInForm) form["client_secret"] = secret;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = new FormUrlEncodedContent(form) };
        if (secret is not null && !secretInForm)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new TokenAnswer(response.StatusCode, body.RootElement.Clone());
    }

    private sealed record TokenAnswer(HttpStatusCode Status, JsonElement Body)
    {
        public string? String(string name) => Body.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
