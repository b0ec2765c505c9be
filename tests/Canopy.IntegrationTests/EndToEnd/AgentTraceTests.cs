using Canopy.Contracts.Features;
using Canopy.TestUtilities.Agent;

namespace Canopy.IntegrationTests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class AgentAppCollection : ICollectionFixture<AgentAppFixture>
{
    public const string Name = "Canopy AppHost with a model that calls tools";
}

/// <summary>
/// The student assistant through the real services: canopy-be's agent calls the faculty directory and canopy-calendar over
/// MCP, and the dashboard shows one trace with <c>invoke_agent</c>, an <c>execute_tool</c> per call and canopy-calendar's spans.
/// </summary>
[Collection(AgentAppCollection.Name)]
public sealed class AgentTraceTests(AgentAppFixture app)
{
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(60);

    private async Task<List<ChatEvent>> AskAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", request);
        response.EnsureSuccessStatusCode();
        var events = new List<ChatEvent>();
        await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(), CancellationToken.None)) events.Add(e);
        return events;
    }

    [Fact]
    public async Task The_professor_and_exam_question_is_one_trace_through_the_agent_the_directory_and_the_calendar()
    {
        using var client = app.CreateClient("canopy-be", "student");

        var events = await AskAsync(client, new { message = StudentAssistantScript.ProfessorQuestion, feature = FeatureIds.StudentAssistant });

        var calls = events.OfType<ToolCallEvent>().ToList();
        Assert.Equal(["find_professors_by_expertise", "upcoming_events"], calls.Select(c => c.Tool));
        Assert.All(events.OfType<ToolResultEvent>(), r => Assert.Equal(ToolStatuses.Ok, r.Status));
        Assert.Contains("PHYS-214", events.OfType<ToolResultEvent>().Last().Summary);
        var sources = events.OfType<SourcesEvent>().Last().Sources;
        Assert.Equal("faculty-directory", sources[0].DocumentId);
        Assert.Contains(sources.Skip(1), s => s.Text.Contains("PHYS-214") && s.Text.Contains("2026-12-14"));
        var answer = string.Concat(events.OfType<DeltaEvent>().Select(e => e.Delta));
        Assert.Contains("Dr. Amara Okafor teaches PHYS-214", answer);
        Assert.Contains("[1]", answer);
        Assert.Contains($"[{sources.First(s => s.Text.Contains("2026-12-14")).Index}]", answer);

        var traceId = Assert.IsType<StartEvent>(events[0]).TraceId;
        var spans = await app.WaitForTraceAsync(traceId, s =>
            s.Count(x => x.Name.StartsWith("execute_tool ", StringComparison.Ordinal)) == 2 && s.Any(x => x.Service == "canopy-calendar" && x.Name.Contains("tools/call"))
            && s.Any(x => x.Name == "POST /api/chat")
            && s.Any(x => x.Name == "invoke_agent student-assistant") && s.Count(x => x.Name == "chat tool-model") == 3
            && s.Count(x => x.Name == "guardrails-check") >= 4, TraceTimeout);
        string Tree() => string.Join("; ", spans.Select(x => $"{x.Service}/{x.Name} {x.SpanId}<-{x.ParentSpanId}"));

        var chat = spans.Single("canopy-be", "POST /api/chat");
        var agent = spans.Single("canopy-be", "invoke_agent student-assistant");
        agent.AssertChildOf(chat);
        Assert.Equal(("invoke_agent", "student-assistant"), (agent.Attributes["gen_ai.operation.name"], agent.Attributes["gen_ai.agent.name"]));
        var professor = spans.Single("canopy-be", "execute_tool find_professors_by_expertise");
        var calendar = spans.Single("canopy-be", "execute_tool upcoming_events");
        foreach (var (tool, call) in new[] { (professor, calls[0]), (calendar, calls[1]) })
        {
            Assert.True(spans.IsUnder(tool, agent), $"{tool.Name} should be under invoke_agent: {Tree()}");
            Assert.Equal((call.Tool, call.CallId), (tool.Attributes["gen_ai.tool.name"], tool.Attributes["gen_ai.tool.call.id"]));
        }
        // canopy-calendar serves in the same trace: the MCP session opens under the agent, the call under its execute_tool span.
        var served = spans.Where(s => s.Service == "canopy-calendar").ToList();
        Assert.All(served, s => Assert.True(spans.IsUnder(s, agent), $"{s.Name} should be under invoke_agent: {Tree()}"));
        Assert.Contains(served, s => s.Name == "tools/call upcoming_events" && spans.IsUnder(s, calendar));
        // The SDK's MCP client adds its attributes to the tool's span instead of opening a second one under it.
        Assert.True(calendar.Attributes.TryGetValue("mcp.method.name", out var method) && method == "tools/call",
            string.Join(", ", calendar.Attributes.Select(a => $"{a.Key}={a.Value}")));
        // The model calls, with the tools they offered (the GenAI view lists the tool definitions).
        var modelCalls = spans.Where(s => s.Service == "canopy-be" && s.Name == "chat tool-model").ToList();
        Assert.Equal(3, modelCalls.Count);
        Assert.All(modelCalls, m => Assert.True(spans.IsUnder(m, agent)));
        Assert.Contains(modelCalls, m => m.Attributes.TryGetValue("gen_ai.tool.definitions", out var d) && d.Contains("find_professors_by_expertise") && d.Contains("upcoming_events"));
    }

    [Fact]
    public async Task A_calendar_write_waits_for_the_students_confirmation_and_runs_in_the_next_turn()
    {
        using var client = app.CreateClient("canopy-be", "student");
        var conversationId = Guid.NewGuid().ToString("N");

        var asked = await AskAsync(client, new { message = StudentAssistantScript.CreateRequest, feature = FeatureIds.StudentAssistant, conversationId });

        var confirmation = Assert.Single(asked.OfType<ConfirmationEvent>());
        Assert.Equal("create_event", confirmation.Tool);
        Assert.Contains(StudentAssistantScript.StudyGroupTitle, confirmation.Summary);
        Assert.Empty(asked.OfType<ToolResultEvent>());
        Assert.Equal("confirmation", Assert.IsType<DoneEvent>(asked[^1]).FinishReason);

        var confirmed = await AskAsync(client, new
        {
            feature = FeatureIds.StudentAssistant, conversationId, confirmations = new[] { new { requestId = confirmation.RequestId, approved = true } },
        });

        var result = Assert.Single(confirmed.OfType<ToolResultEvent>());
        Assert.True(result.Status == ToolStatuses.Ok, result.Summary);
        Assert.Equal(("create_event", confirmation.CallId), (result.Tool, result.CallId));
        Assert.Contains(StudentAssistantScript.StudyGroupTitle, result.Summary);
        Assert.StartsWith("Done: the study group is in your calendar", string.Concat(confirmed.OfType<DeltaEvent>().Select(d => d.Delta)));
        Assert.Equal("stop", Assert.IsType<DoneEvent>(confirmed[^1]).FinishReason);
        var traceId = Assert.IsType<StartEvent>(confirmed[0]).TraceId;
        var spans = await app.WaitForTraceAsync(traceId, s => s.Any(x => x.Name == "execute_tool create_event") && s.Any(x => x.Service == "canopy-calendar" && x.Name.Contains("tools/call")), TraceTimeout);
        Assert.Equal(confirmation.CallId, spans.Single("canopy-be", "execute_tool create_event").Attributes["gen_ai.tool.call.id"]);

        // Answered once: the same confirmation again finds nothing waiting.
        using var again = await client.PostAsJsonAsync("/api/chat", new
        {
            feature = FeatureIds.StudentAssistant, conversationId, confirmations = new[] { new { requestId = confirmation.RequestId, approved = true } },
        });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_declined_write_is_not_run_and_the_model_hears_so()
    {
        using var client = app.CreateClient("canopy-be", "student");
        var conversationId = Guid.NewGuid().ToString("N");
        var asked = await AskAsync(client, new { message = StudentAssistantScript.CreateRequest, feature = FeatureIds.StudentAssistant, conversationId });
        var confirmation = Assert.Single(asked.OfType<ConfirmationEvent>());

        var declined = await AskAsync(client, new
        {
            feature = FeatureIds.StudentAssistant, conversationId, confirmations = new[] { new { requestId = confirmation.RequestId, approved = false } },
        });

        var result = Assert.Single(declined.OfType<ToolResultEvent>());
        Assert.Equal(("create_event", ToolStatuses.Declined), (result.Tool, result.Status));
        Assert.Empty(declined.OfType<ToolCallEvent>());
        Assert.StartsWith("All right, I did not add", string.Concat(declined.OfType<DeltaEvent>().Select(d => d.Delta)));
    }
}
