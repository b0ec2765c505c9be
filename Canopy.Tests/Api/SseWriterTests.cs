using System.Text;
using System.Text.Json;
using Canopy.Api.Chat;
using Canopy.Web.Chat;

namespace Canopy.Tests.Api;

public sealed class SseWriterTests
{
    [Fact]
    public async Task Each_event_is_an_event_line_and_a_json_data_line_carrying_the_type()
    {
        using var stream = new MemoryStream();
        var writer = new SseWriter(stream);

        await writer.WriteAsync(new DeltaEvent("Hello\nworld \"quoted\""), CancellationToken.None);

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("event: delta\ndata: {", text);
        Assert.EndsWith("}\n\n", text);
        Assert.Equal(3, text.Split('\n').Length - 1);
        using var json = JsonDocument.Parse(text.Split('\n')[1]["data: ".Length..]);
        Assert.Equal("delta", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("Hello\nworld \"quoted\"", json.RootElement.GetProperty("delta").GetString());
    }

    [Fact]
    public async Task The_ui_reader_reads_back_what_the_writer_wrote()
    {
        using var stream = new MemoryStream();
        var writer = new SseWriter(stream);
        await writer.WriteAsync(new StartEvent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "c1", "information-search", 512, "extractive", "extractive", true, null), CancellationToken.None);
        await writer.WriteCommentAsync("keep-alive", CancellationToken.None);
        await writer.WriteAsync(new DeltaEvent("Bell states"), CancellationToken.None);
        await writer.WriteAsync(new DoneEvent("stop", new TokenUsage(10, 2), new StageTimings(1, 2, 3, 4, 5, 6, 21)), CancellationToken.None);
        stream.Position = 0;

        var events = new List<ChatStreamEvent>();
        await foreach (var e in SseReader.ReadAsync(stream, CancellationToken.None)) events.Add(e);

        Assert.Equal(["start", "delta", "done"], events.Select(e => e.Type));
        Assert.Equal("0af7651916cd43dd8448eb211c80319c", events[0].As<StartPayload>().TraceId);
        Assert.Equal("Bell states", events[1].As<DeltaPayload>().Delta);
        Assert.Equal(2, events[2].As<DonePayload>().Usage.OutputTokens);
        Assert.Equal(4, events[2].As<DonePayload>().Timings.TimeToFirstTokenMs);
    }

    [Fact]
    public async Task A_client_reading_only_data_lines_still_gets_the_delta_field()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("data: {\"delta\":\"x\",\"type\":\"delta\"}\n\n"));
        var events = new List<ChatStreamEvent>();
        await foreach (var e in SseReader.ReadAsync(stream, CancellationToken.None)) events.Add(e);
        Assert.Equal("delta", Assert.Single(events).Type);
    }
}
