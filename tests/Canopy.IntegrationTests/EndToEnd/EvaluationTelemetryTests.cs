using System.Text.Json;
using Canopy.Contracts.Evaluations;
using Canopy.IntegrationTests.Evaluations;
using Xunit.Abstractions;

namespace Canopy.IntegrationTests.EndToEnd;

/// <summary>An evaluation run in the running application: its scores reach the real dashboard as events of the evaluated span.</summary>
[Collection(CanopyAppCollection.Name)]
public sealed class EvaluationTelemetryTests(CanopyAppFixture app, ITestOutputHelper output)
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_dashboard_receives_the_scores_as_evaluation_events_of_extractive_generate()
    {
        using var be = app.CreateClient("canopy-be");

        var detail = await be.WaitForRunAsync((await be.StartAsync("information-search", "course-basics")).Id);

        Assert.True(detail.Run.Status == EvaluationRunStatus.Completed, detail.Run.Error);
        var result = detail.Results.Single(r => r.CaseId == "hashmap-load-factor");
        var spans = await app.WaitForTraceAsync(result.TraceId, s => s.Any(x => x.Name == "extractive-generate") && s.Any(x => x.Name == "evaluate-case"), ExportTimeout);
        var generate = spans.Single("canopy-be", "extractive-generate");
        Assert.Equal(result.SpanId, generate.SpanId);
        Assert.True(generate.IsGenAiCall, "the GenAI view opens on the evaluated span");

        var records = await WaitForEvaluationsAsync(result.TraceId, result.SpanId!, result.Scores.Count);
        output.WriteLine(records[0].GetRawText());
        Assert.Equal(result.Scores.Select(s => s.Name).Order(), records.Select(r => Attributes(r)["gen_ai.evaluation.name"].GetString()).Order());
        // OpenTelemetry .NET exports the ILogger EventId name as the OTLP log record's event name.
        Assert.All(records, r => Assert.Equal("gen_ai.evaluation.result", r.GetProperty("eventName").GetString()));
        var citations = Attributes(records.Single(r => Attributes(r)["gen_ai.evaluation.name"].GetString() == "citations"));
        // canopy-be exports a double; the dashboard keeps every attribute value as text and serves it so.
        var value = citations["gen_ai.evaluation.score.value"];
        Assert.Equal(1.0, value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("pass", citations["gen_ai.evaluation.score.label"].GetString());
    }

    private async Task<List<JsonElement>> WaitForEvaluationsAsync(string traceId, string spanId, int count)
    {
        var deadline = DateTime.UtcNow + ExportTimeout;
        List<JsonElement> found = [];
        while (DateTime.UtcNow < deadline)
        {
            using var response = await app.Dashboard.GetAsync("/api/telemetry/logs");
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                found = [.. body.GetProperty("data").GetProperty("resourceLogs").EnumerateArray()
                    .SelectMany(r => r.GetProperty("scopeLogs").EnumerateArray()).SelectMany(s => s.GetProperty("logRecords").EnumerateArray())
                    .Where(l => l.TryGetProperty("spanId", out var s) && s.GetString() == spanId && l.GetProperty("traceId").GetString() == traceId)
                    .Where(l => Attributes(l).ContainsKey("gen_ai.evaluation.name"))];
                if (found.Count >= count) return found;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The dashboard had {found.Count} of {count} evaluation records of span {spanId} after {ExportTimeout}.");
    }

    private static Dictionary<string, JsonElement> Attributes(JsonElement record) =>
        record.TryGetProperty("attributes", out var list)
            ? list.EnumerateArray().ToDictionary(a => a.GetProperty("key").GetString()!, a => a.GetProperty("value").EnumerateObject().First().Value)
            : [];
}
