using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Api.Prompts;
using Canopy.Contracts.Evaluations;

namespace Canopy.Api.Evaluations;

/// <summary>
/// Runs queued evaluation runs one at a time, storing each case's result as it is scored. A run this process was running when
/// it stopped is marked failed at the next start (not resumed: the model or prompt may have changed in between).
/// </summary>
public sealed class EvaluationWorker(
    IEvaluationStore store, EvaluationQueue queue, CaseRunner cases, PromptRegistry prompts, FeatureCatalog features, ILlmProviderAccessor providers,
    ILogger<EvaluationWorker> logger) : BackgroundService
{
    public const string EvaluationAlias = "evaluation";
    public const string Interrupted = "canopy-be stopped while this run was in progress; start a new run.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (await store.FailInterruptedAsync(Interrupted, stoppingToken) is > 0 and var failed)
                logger.LogWarning("{Count} evaluation runs were interrupted by a stop and are marked failed", failed);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await store.StartNextAsync(providers.Current.Name, stoppingToken) is { } run) await RunAsync(run, stoppingToken);
                else await queue.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(EvaluationRunInfo run, CancellationToken stoppingToken)
    {
        logger.LogInformation("Evaluation run {Run} started: {Feature} version {Version} on set {Set}, {Cases} cases", run.Id, run.Feature, run.Version, run.Set, run.Cases);
        try
        {
            var version = await prompts.GetAsync(run.Feature, run.Version, stoppingToken)
                ?? throw new InvalidOperationException($"{run.Feature} has no version {run.Version} any more.");
            var prompt = new ResolvedPrompt(version, EvaluationAlias, PromptRegistry.Effective(features.Get(run.Feature), version));
            // Judges ask the model that answers; with extractive answers there is none, and the run lists no judged metrics.
            var judge = (providers.Current.Answerer as ModelAnswerer)?.Client;
            var list = await store.CasesAsync(run.Id, stoppingToken);
            foreach (var evaluationCase in list.Skip(run.Done))
                await store.AddResultAsync(run.Id, await cases.RunAsync(run, prompt, judge, evaluationCase, stoppingToken), stoppingToken);

            var results = await store.ResultsAsync(run.Id, stoppingToken);
            if (results.Count > 0 && results.All(r => r.Scores.All(s => s.Value is null)))
            {
                await store.FailAsync(run.Id, $"No case could be scored; the first: {results[0].Scores.FirstOrDefault()?.Explanation}", stoppingToken);
                return;
            }
            var metrics = RunSummary.Metrics(results);
            await store.CompleteAsync(run.Id, metrics, RunSummary.Score(metrics), stoppingToken);
            logger.LogInformation("Evaluation run {Run} completed with score {Score}", run.Id, RunSummary.Score(metrics));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.FailAsync(run.Id, Interrupted, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Evaluation run {Run} failed", run.Id);
            await store.FailAsync(run.Id, $"{ex.GetType().Name}: {ex.Message}", CancellationToken.None);
        }
    }
}
