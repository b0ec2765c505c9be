using System.Net;
using Canopy.IntegrationTests.Api;
using Canopy.IntegrationTests.Ingestion;
using Microsoft.Extensions.Hosting;

namespace Canopy.IntegrationTests.Security;

/// <summary>canopy-be and canopy-rag send the hardened headers on every answer, failures included, and take no cross-origin calls.</summary>
public sealed class SecurityHeaderTests : IDisposable
{
    private readonly ApiFactory _api = new();

    public static TheoryData<string, string, HttpStatusCode> ApiCalls() => new()
    {
        { "GET", "/api/feature-flags", HttpStatusCode.OK },
        { "POST", "/api/chat", HttpStatusCode.BadRequest },
        { "GET", "/api/no-such-endpoint", HttpStatusCode.NotFound },
        { "POST", "/v1/chat/completions", HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(ApiCalls))]
    public async Task Every_canopy_be_answer_carries_the_headers(string method, string path, HttpStatusCode status)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = new StringContent("{", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        AssertHardened(response);
    }

    [Fact]
    public async Task A_cross_origin_preflight_is_not_allowed()
    {
        using var client = _api.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/chat");
        preflight.Headers.Add("Origin", "https://elsewhere.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");

        using var response = await client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Canopy_rag_sends_the_headers_on_document_content_and_its_failures()
    {
        using var rag = new RagServiceFactory();
        using var client = rag.CreateClient();

        using var list = await client.GetAsync("/api/documents");
        using var missing = await client.GetAsync("/api/documents/no-such-document/content");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertHardened(list);
        AssertHardened(missing);
    }

    private static void AssertHardened(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(SecurityHeaders.ApiPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    public void Dispose() => _api.Dispose();
}
