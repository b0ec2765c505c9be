using System.Globalization;
using Canopy.Contracts.Evaluations;

namespace Canopy.Eval.Tool;

/// <summary>What each subcommand does: tables to <paramref name="output"/>, progress and problems to <paramref name="log"/>; the return value is the exit code.</summary>
public sealed class Commands(EvalClient client, TextWriter output, TextWriter log)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(string feature, string set, int? version, double? minScore, CancellationToken cancellationToken)
    {
        var run = await client.StartAsync(new EvaluationRunRequest(feature, set, version), cancellationToken);
        log.WriteLine($"Run {run.Id}: {run.Feature} version {run.Version} on set '{run.Set}', {run.Cases} cases, answered by {run.Provider}.");
        var shown = -1;
        EvaluationRunDetail detail;
        while (true)
        {
            detail = await client.RunAsync(run.Id, cancellationToken);
            if (detail.Run.Done != shown)
            {
                shown = detail.Run.Done;
                log.WriteLine($"{DateTime.Now:HH:mm:ss} {detail.Run.Status}: {shown}/{detail.Run.Cases} cases");
            }
            if (detail.Run.Status is EvaluationRunStatus.Completed or EvaluationRunStatus.Failed) break;
            await Task.Delay(Poll, cancellationToken);
        }
        output.WriteLine(Report.Metrics(detail));
        if (detail.Run.Status == EvaluationRunStatus.Failed)
        {
            log.WriteLine($"The run failed: {detail.Run.Error}");
            return 1;
        }
        if (minScore is { } least && (detail.Run.Score ?? 0) < least)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The run scored {detail.Run.Score:0.###}, below --min-score {least:0.###}."));
            return 1;
        }
        return 0;
    }

    public async Task<int> SetsAsync(CancellationToken cancellationToken)
    {
        output.WriteLine(Report.Sets(await client.SetsAsync(cancellationToken)));
        return 0;
    }

    public async Task<int> RunsAsync(int limit, CancellationToken cancellationToken)
    {
        output.WriteLine(Report.Runs(await client.RunsAsync(limit, cancellationToken)));
        return 0;
    }
}
