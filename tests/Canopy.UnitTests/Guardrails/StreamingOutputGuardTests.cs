using System.Diagnostics;
using Canopy.Api;
using Canopy.Api.Guardrails;

namespace Canopy.UnitTests.Guardrails;

public sealed class StreamingOutputGuardTests
{
    private static readonly GuardrailService Guardrails = GuardrailTestKit.Service();

    private static async Task<List<string>> Feed(StreamingOutputGuard guard, params string[] deltas)
    {
        var released = new List<string>();
        foreach (var delta in deltas)
        {
            var safe = await guard.PushAsync(delta);
            if (safe.Length > 0) released.Add(safe);
        }
        var rest = await guard.FlushAsync();
        if (rest.Length > 0) released.Add(rest);
        return released;
    }

    [Fact]
    public async Task Text_is_released_at_sentence_boundaries_and_the_rest_on_flush()
    {
        var guard = Guardrails.CreateOutputGuard();

        var released = await Feed(guard, "Entangled par", "ticles share a state. Measuring one", " fixes the other", ". Pi is 3.14 roughly");

        Assert.Equal(["Entangled particles share a state. ", "Measuring one fixes the other. ", "Pi is 3.14 roughly"], released);
        Assert.Equal(GuardrailDecision.Allow, guard.Result.Decision);
    }

    [Fact]
    public async Task Personal_data_split_across_deltas_is_redacted_before_release()
    {
        var guard = Guardrails.CreateOutputGuard();

        var released = await Feed(guard, "Write to ada.love", "lace@exam", "ple.org or call +44 20 79", "46 0958. Thanks.");

        Assert.Equal("Write to [email removed] or call [phone removed]. Thanks.", string.Concat(released));
        Assert.DoesNotContain(released, r => r.Contains("ada.") || r.Contains("0958"));
        Assert.Equal(GuardrailDecision.Redact, guard.Result.Decision);
        Assert.Equal(guard.ReleasedText, string.Concat(released));
    }

    [Fact]
    public async Task A_block_stops_the_stream_and_releases_nothing_unsafe()
    {
        var guard = Guardrails.CreateOutputGuard();

        var released = await Feed(guard, "Here is the summary. ", "Honestly, I hate immigrants", " and always will. ", "More text that must not appear.");

        Assert.Equal(["Here is the summary. "], released);
        Assert.True(guard.IsBlocked);
        Assert.Equal("hate", guard.Result.BlockCategory);
    }

    [Fact]
    public async Task A_long_run_without_punctuation_is_released_at_a_space()
    {
        var guard = Guardrails.CreateOutputGuard();
        var words = StreamingOutputGuard.MaxPending / "word ".Length + 1;

        var first = await guard.PushAsync(string.Join(' ', Enumerable.Repeat("word", words)));

        Assert.Equal(string.Join(' ', Enumerable.Repeat("word", words - 1)) + " ", first);
        Assert.Equal("word", await guard.FlushAsync());
    }

    [Fact]
    public async Task Flush_records_one_output_span_for_the_whole_answer()
    {
        using var spans = new SpanRecorder();
        using var parent = new Activity("test-root").Start();
        var guard = Guardrails.CreateOutputGuard("summarize");

        await Feed(guard, "One sentence. ", "Mail ada@example.org. ", "Three.");

        var span = Assert.Single(spans.Spans, s => s.ParentSpanId == parent.SpanId);
        Assert.Equal(("output", "redact", 3), ((string?)span.GetTagItem("canopy.guardrails.stage"), (string?)span.GetTagItem("canopy.guardrails.decision"), (int?)span.GetTagItem("canopy.guardrails.segments")));
        Assert.DoesNotContain(span.Events.SelectMany(e => e.Tags), t => t.Value is string v && v.Contains("ada@"));
    }
}
