using System.Net;
using System.Net.Http.Json;
using Canopy.Api.Chat;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Canopy.Tests.Api;

public sealed class ChatEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"message":""}""", "message" },
        { """{"message":"   "}""", "message" },
        { $$"""{"message":"{{new string('a', Canopy.Contracts.RequestLimits.MaxMessageLength + 1)}}"}""", "message" },
        { """{"message":"hi","feature":"poetry"}""", "feature" },
        { """{"message":"hi","history":[{"role":"system","content":"x"}]}""", "history" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_chat_requests_get_problem_details_naming_the_field(string body, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_not_a_500()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/chat", new StringContent("{\"message\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private sealed record ValidationProblem(int Status, Dictionary<string, string[]> Errors);
}
