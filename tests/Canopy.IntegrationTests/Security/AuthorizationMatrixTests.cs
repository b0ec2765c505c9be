using Canopy.TestUtilities.Files;
using System.Net;
using System.Net.Http.Headers;
using Canopy.IntegrationTests.Api;
using Canopy.IntegrationTests.Ingestion;
using Microsoft.AspNetCore.Routing;

namespace Canopy.IntegrationTests.Security;

/// <summary>canopy-be, canopy-rag and canopy-calendar in-process, accepting local tokens, started once for the whole matrix.</summary>
public sealed class AuthorizationServices : IDisposable
{
    public ApiFactory Be { get; } = new();
    public RagServiceFactory Rag { get; } = new();
    public Calendar.CalendarFactory Calendar { get; } = new(TestDirectory.Create("canopy-calendar-matrix-"));

    public HttpClient Client(string service, string? token)
    {
        var client = service switch { RagService => Rag.CreateClient(), CalendarService => Calendar.CreateClient(), _ => Be.CreateClient() };
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public const string BeService = "canopy-be";
    public const string RagService = "canopy-rag";
    public const string CalendarService = "canopy-calendar";

    public void Dispose()
    {
        Be.Dispose();
        Rag.Dispose();
        Calendar.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Calendar.DataPath, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Every endpoint × {anonymous, student, instructor, admin}: 401 without a token, 403 below the endpoint's role, served from it on.</summary>
public sealed class AuthorizationMatrixTests(AuthorizationServices services) : IClassFixture<AuthorizationServices>
{
    private const string Anyone = "anyone";
    private static readonly string[] Roles = ["student", "instructor", "admin"];

    /// <summary>Service, method, route as mapped, a path to call and the least role that may call it.</summary>
    private static readonly (string Service, string Method, string Route, string Path, string Least)[] Endpoints =
    [
        (AuthorizationServices.BeService, "POST", "/api/chat", "/api/chat", "student"),
        (AuthorizationServices.BeService, "GET", "/api/feature-flags", "/api/feature-flags", "student"),
        (AuthorizationServices.BeService, "POST", "/api/feedback/", "/api/feedback", "student"),
        (AuthorizationServices.BeService, "GET", "/api/feedback/", "/api/feedback", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/feedback/export", "/api/feedback/export", "instructor"),
        (AuthorizationServices.BeService, "GET", "/v1/models", "/v1/models", "student"),
        (AuthorizationServices.BeService, "POST", "/v1/chat/completions", "/v1/chat/completions", "student"),
        (AuthorizationServices.BeService, "POST", "/api/keys/", "/api/keys", "student"),
        (AuthorizationServices.BeService, "GET", "/api/keys/", "/api/keys", "student"),
        (AuthorizationServices.BeService, "DELETE", "/api/keys/{id}", "/api/keys/no-such-key", "student"),
        (AuthorizationServices.BeService, "GET", "/api/admin/keys/", "/api/admin/keys", "admin"),
        (AuthorizationServices.BeService, "DELETE", "/api/admin/keys/{id}", "/api/admin/keys/no-such-key", "admin"),
        (AuthorizationServices.BeService, "GET", "/api/admin/features/", "/api/admin/features", "admin"),
        (AuthorizationServices.BeService, "PUT", "/api/admin/features/{id}", "/api/admin/features/no-such-feature", "admin"),
        (AuthorizationServices.BeService, "DELETE", "/api/admin/features/{id}", "/api/admin/features/no-such-feature", "admin"),
        (AuthorizationServices.BeService, "GET", "/api/prompts/", "/api/prompts", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/prompts/{feature}", "/api/prompts/no-such-feature", "instructor"),
        (AuthorizationServices.BeService, "POST", "/api/prompts/{feature}/versions", "/api/prompts/no-such-feature/versions", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/prompts/{feature}/versions/{version:int}", "/api/prompts/no-such-feature/versions/1", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/prompts/{feature}/diff", "/api/prompts/no-such-feature/diff", "instructor"),
        (AuthorizationServices.BeService, "PUT", "/api/prompts/{feature}/aliases/{alias}", "/api/prompts/no-such-feature/aliases/challenger", "instructor"),
        (AuthorizationServices.BeService, "DELETE", "/api/prompts/{feature}/aliases/challenger", "/api/prompts/no-such-feature/aliases/challenger", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/ab-tests/", "/api/ab-tests", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/ab-tests/{feature}", "/api/ab-tests/no-such-feature", "student"),
        (AuthorizationServices.BeService, "POST", "/api/ab-tests/{feature}/preferences", "/api/ab-tests/no-such-feature/preferences", "student"),
        (AuthorizationServices.BeService, "GET", "/api/evaluations/sets", "/api/evaluations/sets", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/evaluations/runs", "/api/evaluations/runs", "instructor"),
        (AuthorizationServices.BeService, "GET", "/api/evaluations/runs/{id:long}", "/api/evaluations/runs/999", "instructor"),
        (AuthorizationServices.BeService, "POST", "/api/evaluations/runs", "/api/evaluations/runs", "instructor"),
        (AuthorizationServices.BeService, "GET", "/health/model", "/health/model", Anyone),
        (AuthorizationServices.BeService, "GET", "/health", "/health", Anyone),
        (AuthorizationServices.BeService, "GET", "/alive", "/alive", Anyone),
        (AuthorizationServices.RagService, "GET", "/api/documents/", "/api/documents", "student"),
        (AuthorizationServices.RagService, "GET", "/api/documents/{id}", "/api/documents/no-such-document", "student"),
        (AuthorizationServices.RagService, "GET", "/api/documents/{id}/content", "/api/documents/no-such-document/content", "student"),
        (AuthorizationServices.RagService, "POST", "/api/documents/", "/api/documents", "instructor"),
        (AuthorizationServices.RagService, "POST", "/api/documents/{id}/cancel", "/api/documents/no-such-document/cancel", "instructor"),
        (AuthorizationServices.RagService, "DELETE", "/api/documents/{id}", "/api/documents/no-such-document", "instructor"),
        (AuthorizationServices.RagService, "GET", "/api/ingestion/", "/api/ingestion", "student"),
        (AuthorizationServices.RagService, "POST", "/api/search", "/api/search", "student"),
        (AuthorizationServices.RagService, "GET", "/health", "/health", Anyone),
        (AuthorizationServices.RagService, "GET", "/alive", "/alive", Anyone),
        (AuthorizationServices.CalendarService, "POST", "/mcp/", "/mcp", "student"),
        (AuthorizationServices.CalendarService, "GET", "/health", "/health", Anyone),
        (AuthorizationServices.CalendarService, "GET", "/alive", "/alive", Anyone),
    ];

    public static TheoryData<string, string, string, string?> Cases()
    {
        var cases = new TheoryData<string, string, string, string?>();
        foreach (var e in Endpoints)
            foreach (var user in Roles.Prepend(null))
                cases.Add(e.Service, e.Method, e.Path, user);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_answers_by_role(string service, string method, string path, string? user)
    {
        var endpoint = Endpoints.Single(e => e.Service == service && e.Method == method && e.Path == path);
        var audiences = service == AuthorizationServices.CalendarService ? new[] { AuthorizationServices.CalendarService } : [];
        using var client = services.Client(service, user is null ? null : LocalTokens.For(user, audiences));

        using var response = await client.SendAsync(Request(method, path));

        var expected = Expected(endpoint.Least, user);
        if (expected is { } refused)
        {
            Assert.Equal(refused, response.StatusCode);
            // The front door answers every failure in OpenAI's error shape, the rest with problem details.
            if (path.StartsWith("/v1/", StringComparison.Ordinal))
                Assert.True((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).TryGetProperty("error", out _));
            else
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
            // A probe may say 503 (unhealthy); nothing else may fail on the server.
            var probe = endpoint.Least == Anyone && response.StatusCode == HttpStatusCode.ServiceUnavailable;
            Assert.True((int)response.StatusCode < 500 || probe, $"{method} {path} as {user ?? "anonymous"} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(AuthorizationServices.BeService)]
    [InlineData(AuthorizationServices.RagService)]
    [InlineData(AuthorizationServices.CalendarService)]
    public async Task Every_mapped_endpoint_is_in_the_matrix(string service)
    {
        var sources = service switch
        {
            AuthorizationServices.RagService => services.Rag.Services.GetRequiredService<EndpointDataSource>(),
            AuthorizationServices.CalendarService => services.Calendar.Services.GetRequiredService<EndpointDataSource>(),
            _ => services.Be.Services.GetRequiredService<EndpointDataSource>(),
        };
        var mapped = sources.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"));
        // The probes answer every method.
        var listed = Endpoints.Where(e => e.Service == service).Select(e => e.Least == Anyone && e.Route is "/health" or "/alive" ? $"* {e.Route}" : $"{e.Method} {e.Route}").ToHashSet();

        var missing = mapped.Where(m => !listed.Contains(m)).ToList();
        Assert.True(missing.Count == 0, $"Endpoints without an entry in the matrix: {string.Join(", ", missing)}");
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("other audience")]
    [InlineData("not a token")]
    public async Task A_token_the_service_cannot_trust_is_refused(string kind)
    {
        var token = kind switch
        {
            "forged" => LocalTokens.Forged("admin"),
            "other audience" => LocalTokens.For("admin", "canopy-rag"),
            _ => "definitely-not-a-jwt",
        };
        using var client = services.Client(AuthorizationServices.BeService, token);

        using var response = await client.GetAsync("/api/feature-flags");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(AuthorizationServices.RagService, "POST", "/api/search", HttpStatusCode.BadRequest)]
    [InlineData(AuthorizationServices.RagService, "GET", "/api/documents", HttpStatusCode.Forbidden)]
    [InlineData(AuthorizationServices.BeService, "POST", "/api/chat", HttpStatusCode.Forbidden)]
    [InlineData(AuthorizationServices.BeService, "GET", "/v1/models", HttpStatusCode.Forbidden)]
    public async Task A_service_token_may_search_and_nothing_else(string service, string method, string path, HttpStatusCode expected)
    {
        using var client = services.Client(service, LocalTokens.For(CanopyRoles.Service));

        using var response = await client.SendAsync(Request(method, path));

        Assert.Equal(expected, response.StatusCode);
    }

    private static HttpStatusCode? Expected(string least, string? user) =>
        least == Anyone ? null
        : user is null ? HttpStatusCode.Unauthorized
        : Array.IndexOf(Roles, user) >= Array.IndexOf(Roles, least) ? null
        : HttpStatusCode.Forbidden;

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return request;
    }
}
