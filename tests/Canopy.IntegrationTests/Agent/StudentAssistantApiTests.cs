using System.Net;
using Canopy.Contracts.Features;
using Canopy.TestUtilities.Agent;

namespace Canopy.IntegrationTests.Agent;

/// <summary>The student assistant in canopy-be alone: its events, its refusals, and how it does without canopy-calendar.</summary>
public sealed class StudentAssistantApiTests
{
    private static async Task<List<ChatEvent>> AskAsync(HttpClient client, object request)
    {
        using var response = await client.PostAsJsonAsync("/api/chat", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = new List<ChatEvent>();
        await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(), CancellationToken.None)) events.Add(e);
        return events;
    }

    [Fact]
    public async Task Without_a_model_that_calls_tools_the_feature_is_refused_and_marked()
    {
        using var factory = new Api.ApiFactory();
        using var client = factory.CreateClientAs("student");

        using var chat = await client.PostAsJsonAsync("/api/chat", new { message = "Who teaches quantum physics?", feature = FeatureIds.StudentAssistant });
        var flags = await client.GetFromJsonAsync<FeatureFlagsResponse>("/api/feature-flags");

        Assert.Equal(HttpStatusCode.BadRequest, chat.StatusCode);
        Assert.Contains("needs a model that calls tools", await chat.Content.ReadAsStringAsync());
        Assert.True(flags!.Features.Single(f => f.Id == FeatureIds.StudentAssistant).UsesTools);
        Assert.False(flags.Provider.CallsTools);
    }

    [Fact]
    public async Task Tool_steps_stream_before_the_answer_and_a_missing_calendar_is_a_failed_step()
    {
        await using var model = await AgentFactory.StartModelAsync();
        using var factory = new AgentFactory(model);
        using var client = factory.CreateClientAs("student");

        var events = await AskAsync(client, new { message = StudentAssistantScript.ProfessorQuestion, feature = FeatureIds.StudentAssistant });

        var types = events.Select(e => e.Type).ToList();
        Assert.True(types.Count > 2, string.Join("\n", events.Select(e => e.ToString())) + "\nREQ:" + string.Join("\n", model.Requests));
        Assert.Equal(["start", "tool_call", "tool_result", "sources", "tool_call", "tool_result"], types.Take(6));
        Assert.Equal("done", types[^1]);
        var professor = Assert.IsType<ToolResultEvent>(events[2]);
        Assert.Equal(("find_professors_by_expertise", ToolStatuses.Ok), (professor.Tool, professor.Status));
        Assert.Contains("Amara Okafor", professor.Summary);
        var source = Assert.Single(Assert.IsType<SourcesEvent>(events[3]).Sources);
        Assert.Equal(("faculty-directory", 1), (source.DocumentId, source.Index));
        // canopy-calendar is not running: its tools were never listed, so the model's call finds no such tool.
        var calendar = Assert.IsType<ToolResultEvent>(events[5]);
        Assert.Equal(("upcoming_events", ToolStatuses.Error), (calendar.Tool, calendar.Status));
        Assert.StartsWith("Dr. Amara Okafor teaches PHYS-214", string.Concat(events.OfType<DeltaEvent>().Select(d => d.Delta)));
        Assert.Equal("stop", Assert.IsType<DoneEvent>(events[^1]).FinishReason);
        // The model was told the calendar is away, and was offered the two tools canopy-be has itself.
        var first = model.Requests[0];
        Assert.Contains("calendar is unavailable", first.GetProperty("messages")[0].ToString());
        Assert.Equal(["search_knowledge_base", "find_professors_by_expertise"],
            first.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Confirmations_that_answer_nothing_are_refused()
    {
        await using var model = await AgentFactory.StartModelAsync();
        using var factory = new AgentFactory(model);
        using var client = factory.CreateClientAs("student");

        using var nothingPending = await client.PostAsJsonAsync("/api/chat", new
        {
            feature = FeatureIds.StudentAssistant, conversationId = "c-1", confirmations = new[] { new { requestId = "ficc_call_1", approved = true } },
        });
        using var wrongFeature = await client.PostAsJsonAsync("/api/chat", new
        {
            feature = FeatureIds.InformationSearch, conversationId = "c-1", confirmations = new[] { new { requestId = "ficc_call_1", approved = true } },
        });
        using var noConversation = await client.PostAsJsonAsync("/api/chat", new
        {
            feature = FeatureIds.StudentAssistant, confirmations = new[] { new { requestId = "ficc_call_1", approved = true } },
        });

        Assert.Equal(HttpStatusCode.Conflict, nothingPending.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongFeature.StatusCode);
        Assert.Contains("no tools to confirm", await wrongFeature.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, noConversation.StatusCode);
        Assert.Empty(model.Requests);
    }
}
