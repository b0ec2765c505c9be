using System.Diagnostics;
using Canopy.Api.Features;
using Canopy.Contracts.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Llm;

/// <summary>
/// What to generate: the provider the turn resolved at its start, the feature's settings (those of its prompt version), the
/// question or text, the passages (null when the feature does not retrieve), history and the prompt version.
/// </summary>
public sealed record GenerationRequest(
    LlmProvider Provider, string FeatureId, FeatureSettings Feature, string Question, IReadOnlyList<Passage>? Passages, IReadOnlyList<ChatMessage> History,
    int? PromptVersion = null);

/// <summary>
/// What one generation produced and how long its parts took. <see cref="AnswerSpan"/> is the span an evaluation of the answer
/// reports on (the model call, or extractive-generate); <see cref="ResponseId"/> the model's id for the response, when it gave one.
/// </summary>
public sealed record GenerationResult(
    string Text, long InputTokens, long OutputTokens, string FinishReason, TimeSpan PromptTime, TimeSpan? TimeToFirstToken, TimeSpan Duration, TimeSpan ModelTime,
    ActivityContext? AnswerSpan = null, string? ResponseId = null);

/// <summary>
/// Runs <c>llm-inference</c>: <c>prompt-preparation</c>, then the provider-named generate span around the answerer (for a
/// model, its <c>chat &lt;model&gt;</c> span), streaming each text delta to the caller. The wrappers carry timings and Canopy
/// attributes; token usage and the gen_ai.* request attributes are the model-call span's alone (with no model, extractive-generate
/// names the extractive provider, without usage).
/// </summary>
public sealed class AnswerGenerator(IOptions<GenerationOptions> options)
{
    public async Task<GenerationResult> GenerateAsync(
        GenerationRequest request, Func<string, Task> onDelta, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var provider = request.Provider;
        var model = string.IsNullOrEmpty(request.Feature.Model) || provider.IsExtractive ? provider.Model : request.Feature.Model;
        var maxTokens = Math.Min(request.Feature.MaxTokens, settings.MaxOutputTokens);
        using var inference = ApiTelemetry.Source.StartActivity(ApiTelemetry.LlmInferenceSpan);
        inference?.SetTag("canopy.feature", request.FeatureId);
        inference?.SetTag("canopy.llm.provider", provider.Name);
        inference?.SetTag("canopy.llm.model", model);
        inference?.SetTag(ApiTelemetry.PromptVersionAttribute, request.PromptVersion);
        var started = Stopwatch.GetTimestamp();

        PromptPlan plan;
        using (var preparation = ApiTelemetry.Source.StartActivity(ApiTelemetry.PromptPreparationSpan))
        {
            plan = PromptBuilder.Build(request.Feature.Prompt, request.Question, request.Passages, request.History, settings.ContextTokens - maxTokens);
            preparation?.SetTag("canopy.prompt.documents.included", plan.Passages.Count);
            preparation?.SetTag("canopy.prompt.documents.offered", request.Passages?.Count ?? 0);
            preparation?.SetTag("canopy.prompt.estimated_tokens", plan.EstimatedTokens);
            preparation?.SetTag("canopy.prompt.truncated", plan.Truncated);
            preparation?.SetTag("canopy.prompt.messages", plan.Messages.Count);
        }
        var promptTime = Stopwatch.GetElapsedTime(started);

        using var generate = ApiTelemetry.Source.StartActivity(ApiTelemetry.GenerateSpan(provider.Name));
        generate?.SetTag("canopy.llm.provider", provider.Name);
        generate?.SetTag("canopy.llm.model", model);
        if (provider.IsExtractive) MarkAsAnswerSpan(generate, model);
        // The model-call span is written further down (Microsoft.Extensions.AI, or the in-process telemetry); it reports back here.
        var modelCall = ModelCallSpan.Watch();
        var generationStarted = Stopwatch.GetTimestamp();
        TimeSpan? firstChunk = null;
        var updates = new List<ChatResponseUpdate>();
        var answer = new AnswerRequest(request.FeatureId, request.Question, plan, model, request.Feature.Temperature, maxTokens);
        var modelTime = 0L;
        try
        {
            await using var stream = provider.Answerer.AnswerAsync(answer, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                // Only the wait for the next update is the model's time; what is done with it is the turn's.
                var waited = Stopwatch.GetTimestamp();
                var more = await stream.MoveNextAsync();
                modelTime += Stopwatch.GetTimestamp() - waited;
                if (!more) break;
                var update = stream.Current;
                updates.Add(update);
                var text = Datamarking.Unmark(update.Text);
                if (string.IsNullOrEmpty(text)) continue;
                firstChunk ??= Stopwatch.GetElapsedTime(generationStarted);
                await onDelta(text);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            generate.RecordError(ex);
            inference.RecordError(ex);
            throw;
        }

        var response = updates.ToChatResponse();
        var input = response.Usage?.InputTokenCount ?? plan.EstimatedTokens;
        var output = response.Usage?.OutputTokenCount ?? TokenEstimate.Of(response.Text);
        var finish = response.FinishReason?.Value ?? (cancellationToken.IsCancellationRequested ? "cancelled" : "stop");
        foreach (var activity in new[] { generate, inference })
        {
            activity?.SetTag("canopy.llm.finish_reason", finish);
            if (firstChunk is { } first) activity?.SetTag("canopy.llm.time_to_first_chunk_ms", Math.Round(first.TotalMilliseconds, 1));
        }
        return new GenerationResult(Datamarking.Unmark(response.Text), input, output, finish, promptTime, firstChunk, Stopwatch.GetElapsedTime(started),
            Stopwatch.GetElapsedTime(0, modelTime), modelCall.Context ?? generate?.Context, response.ResponseId);
    }

    // With no model, extractive-generate is where the answer is written: the GenAI view opens on it, without token usage (no model counted any).
    private static void MarkAsAnswerSpan(Activity? generate, string model)
    {
        generate?.SetTag("gen_ai.operation.name", "chat");
        generate?.SetTag("gen_ai.provider.name", ExtractiveAnswerer.ProviderName);
        generate?.SetTag("gen_ai.request.model", model);
    }
}
