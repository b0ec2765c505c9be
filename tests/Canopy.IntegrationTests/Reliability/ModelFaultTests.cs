using Microsoft.Extensions.Logging;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>canopy-be (endpoint mode) against a model server that fails, stalls, or loses its client halfway.</summary>
public sealed class ModelFaultTests
{
    private const string Text = "Leaf area index is the leaf area per unit of ground area. It controls how much light the canopy intercepts.";
    private static readonly TimeSpan StallDeadline = TimeSpan.FromSeconds(30);

    private static WebApplicationFactory<ChatPipeline> CanopyBe(ScriptedModelServer model, CapturedLogs logs, string generationTimeout = "00:00:05") =>
        new SignedInFactory<ChatPipeline>().WithWebHostBuilder(b => b
            .UseSetting("Canopy:Llm", "endpoint")
            .UseSetting("ConnectionStrings:llm", model.ConnectionString)
            // The shortest budget the options allow, so a stalled model ends the turn within the test's deadline.
            .UseSetting("Canopy:Generation:Timeout", generationTimeout)
            .UseSetting("Canopy:Feedback:DataPath", TestDirectory.Create("canopy-be-fault-tests-"))
            .ConfigureLogging(l => l.AddProvider(logs)));

    [Theory]
    [InlineData(ModelScript.ServerError)]
    [InlineData(ModelScript.StallBeforeHeaders)]
    [InlineData(ModelScript.StallMidStream)]
    public async Task A_failing_or_stalled_model_ends_the_turn_with_a_generation_error(ModelScript script)
    {
        await using var model = await ScriptedModelServer.StartAsync(script);
        var logs = new CapturedLogs();
        using var factory = CanopyBe(model, logs);
        using var client = factory.CreateClient();

        var events = await ChatStream.AskAsync(client, Text, "summarize", StallDeadline);

        var error = ChatStream.Error(events, "generation");
        Assert.Contains("language model is unavailable", error.Message);
        if (script == ModelScript.StallMidStream)
            Assert.Equal(ScriptedModelServer.FirstSentence.Trim(), string.Concat(events.OfType<DeltaEvent>().Select(e => e.Delta)).Trim());
        if (script != ModelScript.ServerError)
            await model.Aborted.Task.WaitAsync(StallDeadline);
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_stream_stops_generation_without_an_error()
    {
        await using var model = await ScriptedModelServer.StartAsync(ModelScript.StallMidStream);
        var logs = new CapturedLogs();
        // A budget far beyond the test's deadlines: only the client leaving can end the model call in time.
        using var factory = CanopyBe(model, logs, generationTimeout: "00:10:00");
        using var client = factory.CreateClient();
        using var stop = new CancellationTokenSource();
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var turns = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Name == "canopy.chat.turns") l.EnableMeasurementEvents(instrument); },
        };
        turns.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag is { Key: "outcome", Value: "cancelled" }) cancelled.TrySetResult();
        });
        turns.Start();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = System.Net.Http.Json.JsonContent.Create(new { message = Text, feature = "summarize" }) };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            await foreach (var e in ChatEventStream.ReadAsync(await response.Content.ReadAsStreamAsync(stop.Token), stop.Token))
                if (e.Type == "delta") await stop.CancelAsync();
        });

        await model.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // The pipeline counts the turn as cancelled when it has unwound; only then is the log complete.
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(logs.Errors);
    }
}
