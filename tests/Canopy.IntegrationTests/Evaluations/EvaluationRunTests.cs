using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Canopy.Contracts.Evaluations;
using Canopy.Contracts.Prompts;

namespace Canopy.IntegrationTests.Evaluations;

/// <summary>Evaluation runs through the real chat pipeline, scored, stored and recorded on the evaluated answer's span.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class EvaluationRunTests(MiniLmFixture model)
{
    private const string Deterministic = "citations,groundedness,refusal,length";

    [Fact]
    public async Task An_extractive_run_over_the_file_set_completes_and_records_its_scores_on_extractive_generate()
    {
        await using var rag = await CorpusSearch.StartAsync(model);
        using var factory = new EvaluationFactory(rag.BaseAddress);
        using var spans = new SpanRecorder();
        using var client = factory.CreateClient();

        var queued = await client.StartAsync("information-search", "course-basics");
        var detail = await client.WaitForRunAsync(queued.Id);

        Assert.Equal((EvaluationRunStatus.Queued, 1), (queued.Status, queued.Version));
        var run = detail.Run;
        Assert.True(run.Status == EvaluationRunStatus.Completed, run.Error);
        Assert.Equal(("extractive", 11, 11), (run.Provider, run.Cases, run.Done));
        // No model, no judges: only the deterministic metrics, and the run says which provider answered.
        Assert.Equal(Deterministic, string.Join(",", run.Metrics.Select(m => m.Name)));
        Assert.Equal(Math.Round(run.Metrics.Average(m => m.Mean), 4), run.Score);
        Assert.Equal(11, detail.Results.Count);
        var refusals = run.Metrics.Single(m => m.Name == "refusal");
        Assert.Equal(11, refusals.Count);
        // Extractive answers quote passages whatever is asked, so the three questions the corpus does not cover fail refusal.
        Assert.Equal(8, refusals.Passed);
        var covered = detail.Results.Single(r => r.CaseId == "hashmap-load-factor");
        Assert.Contains("0.75", covered.Answer);
        Assert.Equal(1.0, covered.Scores.Single(s => s.Name == "citations").Value);
        Assert.True(covered.Scores.Single(s => s.Name == "groundedness").Value >= 0.75, covered.Scores.Single(s => s.Name == "groundedness").Explanation);

        // The scores are events on the answer's span: extractive-generate, which the GenAI view opens on, in the case's own trace.
        var trace = ActivityTraceId.CreateFromString(covered.TraceId);
        var generate = spans.Single("extractive-generate", trace);
        Assert.Equal(covered.SpanId, generate.SpanId.ToHexString());
        Assert.Equal(("chat", "extractive"), (generate.GetTagItem("gen_ai.operation.name"), generate.GetTagItem("gen_ai.provider.name")));
        Assert.DoesNotContain(generate.TagObjects, t => t.Key.StartsWith("gen_ai.usage.", StringComparison.Ordinal));
        var root = spans.Single("evaluate-case", trace);
        Assert.Equal(default, root.ParentSpanId);
        Assert.Equal((run.Id, "hashmap-load-factor", 1), (Convert.ToInt64(root.GetTagItem("canopy.evaluation.run_id")), root.GetTagItem("canopy.evaluation.case_id"),
            Convert.ToInt32(root.GetTagItem("canopy.prompt.version"))));
        var events = factory.Logs.Where(l => l.EventName == "gen_ai.evaluation.result" && l.SpanId == generate.SpanId).ToList();
        Assert.Equal(covered.Scores.Select(s => s.Name).Order(), events.Select(e => (string)e.Attributes["gen_ai.evaluation.name"]!).Order());
        Assert.All(events, e => Assert.Equal(trace, e.TraceId));
        foreach (var score in covered.Scores)
        {
            var recorded = events.Single(e => (string)e.Attributes["gen_ai.evaluation.name"]! == score.Name).Attributes;
            Assert.Equal(score.Value, Assert.IsType<double>(recorded["gen_ai.evaluation.score.value"]));
            Assert.Equal((score.Label, score.Explanation), ((string?)recorded["gen_ai.evaluation.score.label"], (string?)recorded["gen_ai.evaluation.explanation"]));
        }
    }

    [Fact]
    public async Task With_a_model_the_judges_score_too_and_the_events_go_on_its_model_call_span()
    {
        await using var rag = await CorpusSearch.StartAsync(model);
        await using var llm = await ScriptedModelServer.AnswerAsync("granite-eval", Reply, 30, 12);
        using var factory = new EvaluationFactory(rag.BaseAddress, $"Endpoint={llm.BaseAddress}v1;Model=granite-eval");
        using var spans = new SpanRecorder();
        using var client = factory.CreateClient();
        using var feedback = await client.PostAsJsonAsync("/api/feedback", new
        {
            traceId = "4bf92f3577b34da6a3ce929d0e0e4736", rating = "down", comment = "It did not say LAI has no units", feature = "information-search",
            prompt = "What is leaf area index?", answer = "Leaves.",
        });

        var detail = await client.WaitForRunAsync((await client.StartAsync("information-search", "feedback")).Id);

        Assert.Equal(HttpStatusCode.Created, feedback.StatusCode);
        Assert.True(detail.Run.Status == EvaluationRunStatus.Completed, detail.Run.Error);
        Assert.Equal("endpoint", detail.Run.Provider);
        Assert.Equal(Deterministic + ",relevance,problem-fixed", string.Join(",", detail.Run.Metrics.Select(m => m.Name)));
        var result = Assert.Single(detail.Results);
        Assert.Equal(("What is leaf area index?", ScriptedAnswer), (result.Question, result.Answer));
        Assert.Equal((0.75, "pass", "Rated 4/5: It defines the term."), Score(result, "relevance"));
        Assert.Equal((1.0, "pass", "The reported problem is gone: The answer says LAI has no units."), Score(result, "problem-fixed"));
        // The judges saw the question, the answer and the problem as material to grade.
        Assert.Contains(llm.Requests, r => r.GetRawText().Contains("It did not say LAI has no units", StringComparison.Ordinal));

        // The judges' own model calls are in the case's trace too; the evaluated one is the turn's, under endpoint-generate.
        var trace = ActivityTraceId.CreateFromString(result.TraceId);
        var chat = Assert.Single(spans.Spans, s => s.TraceId == trace && s.SpanId.ToHexString() == result.SpanId);
        Assert.Equal(("chat granite-eval", spans.Single("endpoint-generate", trace).SpanId), (chat.DisplayName, chat.ParentSpanId));
        Assert.Equal(3, spans.Spans.Count(s => s.TraceId == trace && s.DisplayName == "chat granite-eval"));
        var events = factory.Logs.Where(l => l.EventName == "gen_ai.evaluation.result" && l.SpanId == chat.SpanId).ToList();
        Assert.Equal(6, events.Count);
        Assert.All(events, e => Assert.Equal("c1", e.Attributes["gen_ai.response.id"]));
    }

    private const string ScriptedAnswer = "Leaf area index is the total one-sided area of leaves per unit area of ground, so it has no units [1].";

    // The turn gets an answer, each judge the reply its instructions ask for.
    private static IReadOnlyList<string> Reply(JsonElement request)
    {
        var system = request.GetProperty("messages")[0].GetProperty("content").GetString() ?? "";
        return system.Contains("You grade", StringComparison.Ordinal) ? ["Score: 4\n", "Reason: It defines the term."]
            : system.Contains("rated an AI study assistant", StringComparison.Ordinal) ? ["Verdict: NO\n", "Reason: The answer says LAI has no units."]
            : ["Leaf area index is the total one-sided area of leaves ", "per unit area of ground, so it has no units [1]."];
    }

    private static (double?, string?, string?) Score(EvaluationCaseResult result, string name) =>
        result.Scores.Single(s => s.Name == name) is var s ? (s.Value, s.Label, s.Explanation) : default;

    [Fact]
    public async Task A_case_over_its_deadline_is_an_error_and_a_run_with_no_scored_case_fails()
    {
        await using var llm = await ScriptedModelServer.StartAsync(ModelScript.StallMidStream);
        using var factory = new EvaluationFactory(LoopbackServer.ClosedAddress(), $"Endpoint={llm.BaseAddress}v1;Model=stalling");
        using var slow = factory.WithWebHostBuilder(b => b.UseSetting("Canopy:Evaluations:CaseTimeout", "00:00:05"));
        using var client = slow.CreateClient();
        using var feedback = await client.PostAsJsonAsync("/api/feedback", new
        {
            traceId = "4bf92f3577b34da6a3ce929d0e0e4736", rating = "down", comment = "Far too long", feature = "summarize",
            prompt = "Leaf area index is leaf area per ground area. It sets how much light the canopy catches.", answer = "...",
        });

        var detail = await client.WaitForRunAsync((await client.StartAsync("summarize", "feedback")).Id);

        Assert.Equal(EvaluationRunStatus.Failed, detail.Run.Status);
        Assert.StartsWith("No case could be scored", detail.Run.Error);
        var score = Assert.Single(Assert.Single(detail.Results).Scores);
        Assert.Equal(("answered", null, "error"), (score.Name, score.Value, score.Label));
        Assert.Contains("took longer than 00:00:05", score.Explanation);
        Assert.Empty(detail.Run.Metrics);
    }

    [Fact]
    public async Task A_challenger_whose_latest_run_scores_worse_than_the_champions_is_not_promoted()
    {
        await using var rag = await CorpusSearch.StartAsync(model);
        using var factory = new EvaluationFactory(rag.BaseAddress);
        using var client = factory.CreateClient();
        // A 16-token budget: the same extracts now fail the length metric.
        using var created = await client.PostAsJsonAsync("/api/prompts/information-search/versions",
            new CreatePromptVersionRequest("Answer from the passages, citing them as [1].", MaxTokens: 16, Note: "terse"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var champion = await client.WaitForRunAsync((await client.StartAsync("information-search", "course-basics", 1)).Id);
        var challenger = await client.WaitForRunAsync((await client.StartAsync("information-search", "course-basics", 2)).Id);
        using var refused = await client.PutAsJsonAsync("/api/prompts/information-search/aliases/champion", new MoveAliasRequest(2));
        var registry = await client.GetFromJsonAsync<PromptRegistryInfo>("/api/prompts/information-search");

        Assert.Equal((EvaluationRunStatus.Completed, EvaluationRunStatus.Completed), (champion.Run.Status, challenger.Run.Status));
        Assert.True(challenger.Run.Score < champion.Run.Score, $"{challenger.Run.Score} vs {champion.Run.Score}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("worse than the champion", await refused.Content.ReadAsStringAsync());
        Assert.Equal(1, registry!.Champion);
    }
}
