using System.Diagnostics;
using Canopy.Api.Features;
using Canopy.Contracts.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Llm;

/// <summary>What to generate: the feature's settings, the question or text, the passages (null when the feature does not retrieve) and history.</summary>
public sealed record GenerationRequest(
    string FeatureId, FeatureSettings Feature, string Question, IReadOnlyList<Passage>? Passages, IReadOnlyList<ChatMessage> History);

/// <summary>What one generation produced and how long its parts took.</summary>
public sealed record GenerationResult(string Text, long InputTokens, long OutputTokens, string FinishReason, TimeSpan PromptTime, TimeSpan? TimeToFirstToken, TimeSpan Duration);

/// <summary>
/// Runs <c>llm-inference</c>: <c>prompt-preparation</c>, then the provider-named generate span around the
/// Microsoft.Extensions.AI <c>chat &lt;model&gt;</c> span, streaming each text delta to the caller.
/// </summary>
public sealed class AnswerGenerator(IChatClient chatClient, ILlmProviderAccessor providers, IOptions<GenerationOptions> options)
{
    public async Task<GenerationResult> GenerateAsync(
        GenerationRequest request, Func<string, Task> onDelta, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var provider = providers.Current;
        var model = string.IsNullOrEmpty(request.Feature.Model) || provider.IsExtractive ? provider.Model : request.Feature.Model;
        var maxTokens = Math.Min(request.Feature.MaxTokens, settings.MaxOutputTokens);
        using var inference = ApiTelemetry.Source.StartActivity(ApiTelemetry.LlmInferenceSpan);
        inference?.SetTag("gen_ai.operation.name", "chat");
        inference?.SetTag("gen_ai.provider.name", provider.Name);
        inference?.SetTag("gen_ai.request.model", model);
        inference?.SetTag("gen_ai.request.max_tokens", maxTokens);
        inference?.SetTag("gen_ai.request.temperature", request.Feature.Temperature);
        inference?.SetTag("canopy.feature", request.FeatureId);
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

        var chatOptions = new ChatOptions
        {
            ModelId = model,
            Temperature = request.Feature.Temperature,
            MaxOutputTokens = maxTokens,
            AdditionalProperties = new()
            {
                [ExtractiveChatClient.PassagesKey] = plan.Passages,
                [ExtractiveChatClient.FeatureKey] = request.FeatureId,
            },
        };

        using var generate = ApiTelemetry.Source.StartActivity(ApiTelemetry.GenerateSpan(provider.Name), ActivityKind.Client);
        generate?.SetTag("gen_ai.provider.name", provider.Name);
        generate?.SetTag("gen_ai.request.model", model);
        var generationStarted = Stopwatch.GetTimestamp();
        TimeSpan? firstToken = null;
        var updates = new List<ChatResponseUpdate>();
        try
        {
            await foreach (var update in chatClient.GetStreamingResponseAsync(plan.Messages, chatOptions, cancellationToken))
            {
                updates.Add(update);
                var text = Datamarking.Unmark(update.Text);
                if (string.IsNullOrEmpty(text)) continue;
                if (firstToken is null)
                {
                    firstToken = Stopwatch.GetElapsedTime(generationStarted);
                    generate?.AddEvent(new ActivityEvent("gen_ai.first_token"));
                    ApiTelemetry.TimeToFirstToken.Record(firstToken.Value.TotalSeconds, new KeyValuePair<string, object?>("gen_ai.provider.name", provider.Name));
                }
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
            activity?.SetTag("gen_ai.response.model", response.ModelId ?? model);
            activity?.SetTag("gen_ai.usage.input_tokens", input);
            activity?.SetTag("gen_ai.usage.output_tokens", output);
            activity?.SetTag("gen_ai.response.finish_reasons", new[] { finish });
            if (firstToken is { } ttft) activity?.SetTag("canopy.llm.time_to_first_token_ms", Math.Round(ttft.TotalMilliseconds, 1));
        }
        return new GenerationResult(Datamarking.Unmark(response.Text), input, output, finish, promptTime, firstToken, Stopwatch.GetElapsedTime(started));
    }
}
