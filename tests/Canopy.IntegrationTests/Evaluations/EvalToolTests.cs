using Canopy.Eval.Tool;
using Xunit.Abstractions;

namespace Canopy.IntegrationTests.Evaluations;

/// <summary>The eval command against canopy-be listening on a real port, as an instructor would run it.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class EvalToolTests(MiniLmFixture model, ITestOutputHelper testOutput)
{
    [Fact]
    public async Task Eval_run_follows_a_run_to_its_end_and_prints_the_metrics_and_the_failed_cases()
    {
        await using var rag = await CorpusSearch.StartAsync(model);
        using var factory = new EvaluationFactory(rag.BaseAddress);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = new EvalClient(factory.ClientOptions.BaseAddress, LocalTokens.For("instructor"));
        var (output, log) = (new StringWriter(), new StringWriter());
        var eval = new Commands(client, output, log);

        var exit = await eval.RunAsync("information-search", "course-basics", null, 0.99, CancellationToken.None);
        var table = output.ToString();
        testOutput.WriteLine(table);

        // Extractive answers never refuse, so the run completes below a 0.99 bar: the exit code says so.
        Assert.Equal(1, exit);
        Assert.Contains("below --min-score 0.99", log.ToString());
        Assert.Contains("11/11 cases", log.ToString());
        Assert.Matches(@"refusal\s+0\.\d{3}\s+8/11", table);
        Assert.Contains(Report.ExtractiveNote, table);
        Assert.Contains("parking-permit refusal fail", table);
        Assert.Equal(0, await eval.RunsAsync(5, CancellationToken.None));
        Assert.Contains("completed", output.ToString());
    }

    [Fact]
    public async Task Eval_run_of_an_unknown_set_reports_canopy_bes_reason()
    {
        using var factory = new EvaluationFactory(LoopbackServer.ClosedAddress());
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = new EvalClient(factory.ClientOptions.BaseAddress, LocalTokens.For("instructor"));
        var eval = new Commands(client, TextWriter.Null, TextWriter.Null);

        var refused = await Assert.ThrowsAsync<EvalApiException>(() => eval.RunAsync("information-search", "nope", null, null, CancellationToken.None));

        Assert.Contains("(404): There is no evaluation set 'nope'", refused.Message);
    }
}
