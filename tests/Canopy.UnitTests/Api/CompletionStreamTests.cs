using System.Text.Json;
using Canopy.Api.OpenAi;
using Canopy.Contracts.Chat;
using Microsoft.AspNetCore.Http;

namespace Canopy.UnitTests.Api;

/// <summary>The OpenAI-compatible stream on the wire: unnamed <c>data:</c> chunks ending with <c>data: [DONE]</c>.</summary>
public sealed class CompletionStreamTests
{
    private static readonly ChatEvent Start = new StartEvent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "c1", "summarize", 400, "extractive", "extractive", true, null);

    private static async Task<List<string>> FramesAsync(bool includeUsage, params ChatEvent[] events)
    {
        var result = TypedResults.ServerSentEvents(CompletionStream.ChunksAsync(events.ToAsyncEnumerable(), "canopy-summarize", includeUsage));
        var (body, response) = await ResultText.WriteAsync(result);
        Assert.Equal("text/event-stream", response.ContentType);
        Assert.EndsWith("\n\n", body);
        return [.. body[..^2].Split("\n\n")];
    }

    private static JsonElement Chunk(string frame) => JsonDocument.Parse(frame["data: ".Length..]).RootElement;

    [Fact]
    public async Task An_answer_is_a_role_chunk_content_chunks_a_finish_chunk_usage_and_done()
    {
        var frames = await FramesAsync(true, Start, new DeltaEvent("Leaf area "), new DeltaEvent("index."),
            new DoneEvent("stop", new TokenUsage(42, 5), new StageTimings(1, null, 1, 1, 2, 1, 6)));

        Assert.All(frames, f => Assert.StartsWith("data: ", f));
        Assert.Equal("data: [DONE]", frames[^1]);
        Assert.Equal("assistant", Chunk(frames[0]).GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        Assert.Equal(["Leaf area ", "index."], frames[1..3].Select(f => Chunk(f).GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString()));
        Assert.Equal("stop", Chunk(frames[3]).GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(47, Chunk(frames[4]).GetProperty("usage").GetProperty("total_tokens").GetInt64());
        Assert.All(frames[..^1], f => Assert.Equal("chat.completion.chunk", Chunk(f).GetProperty("object").GetString()));
    }

    [Fact]
    public async Task A_failed_turn_ends_with_an_openai_error_and_done()
    {
        var frames = await FramesAsync(false, Start, new ErrorEvent("retrieval", "RetrievalUnavailableException", "The course search service is unavailable right now."));

        Assert.Equal(3, frames.Count);
        var error = Chunk(frames[1]).GetProperty("error");
        Assert.Equal(("service_unavailable", "retrieval"), (error.GetProperty("type").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal("data: [DONE]", frames[2]);
    }
}
