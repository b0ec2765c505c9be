using System.Net;
using System.Text.Json;
using Canopy.Api.Evaluations;
using Canopy.Contracts.Evaluations;
using Microsoft.Extensions.Options;

namespace Canopy.IntegrationTests.Evaluations;

/// <summary>The evaluations API's sets, its refusals and who may use it.</summary>
public sealed class EvaluationApiTests : IDisposable
{
    // Nothing here reaches retrieval: a search service that is not there is enough.
    private readonly EvaluationFactory _factory = new(LoopbackServer.ClosedAddress());

    [Fact]
    public async Task A_thumbs_down_with_a_comment_becomes_a_case_of_the_feedback_set()
    {
        using var client = _factory.CreateClient();
        async Task RateAsync(string rating, string? comment, string prompt)
        {
            using var response = await client.PostAsJsonAsync("/api/feedback", new
            {
                traceId = "0af7651916cd43dd8448eb211c80319c", rating, comment, feature = "information-search", prompt, answer = "An answer [1]",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await RateAsync("down", "Cited the wrong week", "When is the PHYS-214 midterm?");
        await RateAsync("down", null, "What is a hash table?");
        await RateAsync("up", "Great", "What is momentum?");
        var sets = await client.GetFromJsonAsync<List<EvaluationSetInfo>>("/api/evaluations/sets");

        var feedback = sets!.Single(s => s.Name == "feedback");
        Assert.Equal(("feedback", 1), (feedback.Source, feedback.Cases));
        Assert.Equal(("file", 11), sets!.Single(s => s.Name == "course-basics") is var f ? (f.Source, f.Cases) : default);
    }

    public static TheoryData<string, HttpStatusCode, string> BadRuns => new()
    {
        { """{"feature":"poetry","set":"course-basics"}""", HttpStatusCode.BadRequest, "feature" },
        { """{"feature":"student-assistant","set":"course-basics"}""", HttpStatusCode.BadRequest, "needs a model that calls tools" },
        { """{"feature":"information-search"}""", HttpStatusCode.BadRequest, "set" },
        { """{"feature":"information-search","set":"course-basics","version":0}""", HttpStatusCode.BadRequest, "version" },
        { """{"feature":"information-search","set":"no-such-set"}""", HttpStatusCode.NotFound, "no-such-set" },
        { """{"feature":"information-search","set":"course-basics","version":42}""", HttpStatusCode.NotFound, "no version 42" },
        // course-basics asks information-search questions only.
        { """{"feature":"summarize","set":"course-basics"}""", HttpStatusCode.BadRequest, "no cases for summarize" },
        { """{"feature":"information-search","set":""",  HttpStatusCode.BadRequest, "" },
    };

    [Theory]
    [MemberData(nameof(BadRuns))]
    public async Task A_bad_run_request_gets_problem_details_and_queues_nothing(string body, HttpStatusCode status, string mentioned)
    {
        using var client = _factory.CreateClient();

        using var response = await client.PostAsync("/api/evaluations/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var runs = await client.GetFromJsonAsync<List<EvaluationRunInfo>>("/api/evaluations/runs");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, await response.Content.ReadAsStringAsync());
        Assert.Empty(runs!);
    }

    [Fact]
    public async Task An_unknown_run_is_a_404()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/evaluations/runs/999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no evaluation run 999", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_run_left_running_by_a_stopped_canopy_be_is_marked_failed_at_the_next_start()
    {
        // What a killed canopy-be leaves behind: a run marked running, one case of two done.
        var environment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = _factory.DataPath };
        var store = new SqliteEvaluationStore(Options.Create(new EvaluationOptions { DataPath = _factory.DataPath }), environment);
        var left = await store.CreateAsync("information-search", 1, "course-basics",
            [new EvaluationCase("a", "What is LAI?"), new EvaluationCase("b", "What is momentum?")], "extractive", CancellationToken.None);
        await store.StartNextAsync("extractive", CancellationToken.None);
        await store.AddResultAsync(left.Id, new EvaluationCaseResult("a", "What is LAI?", "LAI is [1]", "0af7651916cd43dd8448eb211c80319c", null,
            [new EvaluationScore("length", 1, "pass", "fits")]), CancellationToken.None);

        using var client = _factory.CreateClient();
        var detail = await client.WaitForRunAsync(left.Id);

        Assert.Equal((EvaluationRunStatus.Failed, 1), (detail.Run.Status, detail.Run.Done));
        Assert.Equal(EvaluationWorker.Interrupted, detail.Run.Error);
        Assert.Equal("a", Assert.Single(detail.Results).CaseId);
    }

    [Theory]
    [InlineData("GET", "/api/evaluations/sets")]
    [InlineData("GET", "/api/evaluations/runs")]
    [InlineData("POST", "/api/evaluations/runs")]
    public async Task A_student_may_not_use_the_evaluations(string method, string path)
    {
        using var student = _factory.ClientAs("student");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST") request.Content = JsonContent.Create(new EvaluationRunRequest("information-search", "course-basics"));

        using var response = await student.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
