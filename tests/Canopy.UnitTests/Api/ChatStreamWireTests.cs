using System.Text;
using System.Text.Json;
using Canopy.Api.Chat;
using Canopy.Contracts.Chat;

namespace Canopy.UnitTests.Api;

/// <summary>The chat stream on the wire: what canopy-be writes, and what the shared reader makes of it.</summary>
public sealed class ChatStreamWireTests
{
    private static async Task<string> WriteAsync(params ChatEvent[] events) =>
        (await ResultText.WriteAsync(ChatEndpoints.EventStream(events.ToAsyncEnumerable()))).Body;

    private static async Task<List<ChatEvent>> ReadAsync(string wire)
    {
        var events = new List<ChatEvent>();
        await foreach (var e in ChatEventStream.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(wire)), CancellationToken.None)) events.Add(e);
        return events;
    }

    [Fact]
    public async Task Each_event_is_an_event_line_and_a_json_data_line_carrying_the_type()
    {
        var text = await WriteAsync(new DeltaEvent("Hello\nworld \"quoted\""));

        Assert.StartsWith("event: delta\ndata: {", text);
        Assert.EndsWith("}\n\n", text);
        Assert.Equal(3, text.Split('\n').Length - 1);
        using var json = JsonDocument.Parse(text.Split('\n')[1]["data: ".Length..]);
        Assert.Equal("delta", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("Hello\nworld \"quoted\"", json.RootElement.GetProperty("delta").GetString());
    }

    [Fact]
    public async Task The_json_keeps_the_readmes_camel_case_field_names()
    {
        var text = await WriteAsync(
            new StartEvent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "c1", "information-search", 512, "extractive", "extractive", true, null),
            new SourcesEvent([new CitedSource(1, "d", "Notes", "corpus/d.md", "Notes > Bell", "t", 0.5)]),
            new DoneEvent("stop", new TokenUsage(10, 2), new StageTimings(1, 2, 3, 4, 5, 6, 21)));

        var data = text.Split('\n').Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l[6..]).RootElement).ToList();
        Assert.Equal(["type", "traceId", "spanId", "conversationId", "feature", "maxTokens", "provider", "model", "extractive", "notice", "promptVersion", "promptAlias"],
            data[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["index", "documentId", "title", "source", "headingPath", "text", "score"],
            data[1].GetProperty("sources")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, data[2].GetProperty("usage").GetProperty("outputTokens").GetInt64());
        Assert.Equal(4, data[2].GetProperty("timings").GetProperty("timeToFirstTokenMs").GetDouble());
    }

    [Fact]
    public async Task The_shared_reader_reads_back_what_canopy_be_wrote_and_skips_comments()
    {
        var start = new StartEvent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "c1", "information-search", 512, "extractive", "extractive", true, null);
        var written = await WriteAsync(start, new DeltaEvent("Bell states"), new DoneEvent("stop", new TokenUsage(10, 2), new StageTimings(1, 2, 3, 4, 5, 6, 21)));
        // A proxy may keep an idle stream open with comment lines.
        var wire = written.Replace("event: delta", ": keep-alive\n\nevent: delta", StringComparison.Ordinal);

        var events = await ReadAsync(wire);

        Assert.Equal(["start", "delta", "done"], events.Select(e => e.Type));
        Assert.Equal(start, events[0]);
        Assert.Equal("Bell states", Assert.IsType<DeltaEvent>(events[1]).Delta);
        var done = Assert.IsType<DoneEvent>(events[2]);
        Assert.Equal((2L, 4.0), (done.Usage.OutputTokens, done.Timings.TimeToFirstTokenMs));
    }

    [Fact]
    public async Task A_client_reading_only_data_lines_still_gets_the_delta_field()
    {
        var events = await ReadAsync("data: {\"delta\":\"x\",\"type\":\"delta\"}\n\n");

        Assert.Equal("x", Assert.IsType<DeltaEvent>(Assert.Single(events)).Delta);
    }

    [Fact]
    public async Task An_event_this_version_does_not_know_is_skipped()
    {
        var events = await ReadAsync("event: progress\ndata: {\"type\":\"progress\"}\n\nevent: delta\ndata: {\"delta\":\"x\"}\n\n");

        Assert.Equal("delta", Assert.Single(events).Type);
    }
}
