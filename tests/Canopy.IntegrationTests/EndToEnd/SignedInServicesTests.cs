using System.Net;

namespace Canopy.IntegrationTests.EndToEnd;

/// <summary>The running services with tokens from the real canopy-identity: anonymous callers are refused, roles decide the rest.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class SignedInServicesTests(CanopyAppFixture app)
{
    [Theory]
    [InlineData("canopy-be", "GET", "/api/feature-flags")]
    [InlineData("canopy-be", "POST", "/api/chat")]
    [InlineData("canopy-be", "GET", "/v1/models")]
    [InlineData("canopy-rag", "GET", "/api/documents")]
    [InlineData("canopy-rag", "POST", "/api/search")]
    [InlineData("canopy-calendar", "POST", "/mcp")]
    public async Task An_anonymous_call_is_refused_with_401(string service, string method, string path)
    {
        using var client = app.CreateClient(service, user: null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = JsonContent.Create(new { message = "Explain quantum entanglement", query = "entanglement" });

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task A_students_token_from_canopy_identity_reaches_the_calendar_tools()
    {
        var http = app.CreateClient("canopy-calendar", "student");
        var transport = new ModelContextProtocol.Client.HttpClientTransport(new ModelContextProtocol.Client.HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = ModelContextProtocol.Client.HttpTransportMode.StreamableHttp,
        }, http, ownsHttpClient: true);
        await using var client = await ModelContextProtocol.Client.McpClient.CreateAsync(transport);

        var tools = await client.ListToolsAsync();
        var exams = await client.CallToolAsync(Canopy.Contracts.Calendar.CalendarToolNames.UpcomingEvents,
            new Dictionary<string, object?> { ["from"] = "2026-12-03", ["course"] = "PHYS-214", ["category"] = "exam" });

        Assert.Equal(Canopy.Contracts.Calendar.CalendarToolNames.All.Order(), tools.Select(t => t.Name).Order());
        Assert.NotEqual(true, exams.IsError);
        Assert.Contains("phys-214-final-exam", Calendar.CalendarCalls.Text(exams));
    }

    [Fact]
    public async Task A_personal_key_asks_through_the_front_door_and_canopy_be_searches_with_its_own_token()
    {
        using var student = app.CreateClient("canopy-be", "student");
        using var created = await student.PostAsJsonAsync("/api/keys", new Canopy.Contracts.ApiKeys.ApiKeyRequest("apphost test"));
        var key = (await created.Content.ReadFromJsonAsync<Canopy.Contracts.ApiKeys.ApiKeyCreated>())!;
        using var withKey = app.CreateClient("canopy-be", user: null);
        withKey.DefaultRequestHeaders.Authorization = new("Bearer", key.Secret);

        using var response = await withKey.PostAsJsonAsync("/v1/chat/completions",
            new { model = "canopy-information-search", messages = new[] { new { role = "user", content = "Explain quantum entanglement" } } });
        using var revoked = await student.DeleteAsync($"/api/keys/{key.Key.Id}");

        response.EnsureSuccessStatusCode();
        // The sources come from canopy-rag, reached with canopy-be's client-credentials token from canopy-identity.
        Assert.Contains("Lecture Notes - Quantum Entanglement", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
    }

    [Fact]
    public async Task A_student_may_search_and_read_but_not_upload_and_an_instructor_may_upload()
    {
        using var student = app.CreateClient("canopy-rag", "student");
        using var instructor = app.CreateClient("canopy-rag", "instructor");
        static MultipartFormDataContent File() => new() { { new ByteArrayContent("# Office hours\n\nTuesdays at ten."u8.ToArray()), "file", "office-hours-signed-in.md" } };

        using var search = await student.PostAsJsonAsync("/api/search", new { query = "quantum entanglement" });
        using var refused = await student.PostAsync("/api/documents", File());
        using var accepted = await instructor.PostAsync("/api/documents", File());

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<Canopy.Contracts.Documents.DocumentInfo>())!.Id;
        using var deleted = await instructor.DeleteAsync($"/api/documents/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await app.WaitForIngestionIdleAsync(TimeSpan.FromMinutes(2));
    }
}
