using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Canopy.Api;

/// <summary>The activity source and meter of canopy-be and the span names of the request journey (DESIGN.md).</summary>
public static class ApiTelemetry
{
    public const string SourceName = "Canopy.Api";
    public const string MeterName = "Canopy.Api";

    public const string GuardrailsCheckSpan = "guardrails-check";
    /// <summary>An event on a guardrails-check span each time the harm classifier's sentence stage (the transformer) reads a text.</summary>
    public const string SentenceStageEvent = "guardrails.sentence_stage";
    /// <summary>An event on a guardrails-check span when the harm classifier's purpose stage reads a request its second stage would block.</summary>
    public const string PurposeStageEvent = "guardrails.purpose_stage";
    /// <summary>An event on a guardrails-check span when a semantic classifier could not read a text (not English) and let it pass unread.</summary>
    public const string UnreadEvent = "guardrails.unread";
    public const string RagQuerySpan = "rag-query";
    public const string LlmInferenceSpan = "llm-inference";
    public const string PromptPreparationSpan = "prompt-preparation";

    /// <summary>The GenAI conventions' operation of the span around the agent's loop (<c>invoke_agent {name}</c>).</summary>
    public const string InvokeAgentOperation = "invoke_agent";

    /// <summary>The prompt version a turn ran with, and the alias (champion or challenger) that chose it.</summary>
    public const string PromptVersionAttribute = "canopy.prompt.version";
    public const string PromptAliasAttribute = "canopy.prompt.alias";

    /// <summary>The root span of one evaluated case, its own trace; the turn's spans are its children.</summary>
    public const string EvaluateCaseSpan = "evaluate-case";
    public const string EvaluationRunAttribute = "canopy.evaluation.run_id";
    public const string EvaluationCaseAttribute = "canopy.evaluation.case_id";
    public const string EvaluationSetAttribute = "canopy.evaluation.set";

    /// <summary>The GenAI conventions' evaluation event and its attributes, recorded on the evaluated answer's span.</summary>
    public const string EvaluationResultEvent = "gen_ai.evaluation.result";
    public const string EvaluationNameAttribute = "gen_ai.evaluation.name";
    public const string EvaluationScoreValueAttribute = "gen_ai.evaluation.score.value";
    public const string EvaluationScoreLabelAttribute = "gen_ai.evaluation.score.label";
    public const string EvaluationExplanationAttribute = "gen_ai.evaluation.explanation";
    public const string ResponseIdAttribute = "gen_ai.response.id";

    /// <summary>What rag-query retrieves from, as <c>gen_ai.data_source.id</c>: the course documents that canopy-rag indexes.</summary>
    public const string CourseDocumentsDataSource = "canopy-course-documents";

    /// <summary>The provider-named generate span (INTERNAL, a wrapper): vllm-generate, llama-generate, endpoint-generate, extractive-generate.</summary>
    public static string GenerateSpan(string provider) => $"{provider}-generate";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> GuardrailDetections = Meter.CreateCounter<long>(
        "canopy.guardrails.detections", "{detection}", "Guardrail detections by detector, stage and action.");

    public static readonly Histogram<double> SentenceStageDuration = Meter.CreateHistogram<double>(
        "canopy.guardrails.sentence_stage.duration", "s", "Time the harm classifier's sentence stage spends on one text (MiniLM reads it).");
    public static readonly Counter<long> GuardrailUnread = Meter.CreateCounter<long>(
        "canopy.guardrails.unread", "{text}", "Requests and passages a semantic classifier could not read (not English), by detector, stage and script.");

    public static readonly Histogram<double> RetrievalDuration = Meter.CreateHistogram<double>(
        "canopy.chat.retrieval.duration", "s", "Time canopy-be waits for retrieval.");

    // The model-call metrics of the GenAI conventions, for the in-process model (Microsoft.Extensions.AI writes them for the others).
    public static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.time_to_first_chunk", "s", "Time from issuing the model call to its first chunk.");

    public static readonly Histogram<double> ModelCallDuration = Meter.CreateHistogram<double>(
        "gen_ai.client.operation.duration", "s", "Duration of a model call.");

    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>(
        "gen_ai.client.token.usage", "{token}", "Input and output tokens of a model call.");

    public static readonly Histogram<double> EvaluationScores = Meter.CreateHistogram<double>(
        "canopy.evaluation.score", "1", "Evaluation scores (0 to 1) by metric and feature.");

    public static readonly Counter<long> ChatTurns = Meter.CreateCounter<long>(
        "canopy.chat.turns", "{turn}", "Chat turns by feature and outcome.");

    public static readonly Counter<long> ChatTurnsShed = Meter.CreateCounter<long>(
        "canopy.chat.turns.shed", "{turn}", "Chat turns refused with 503 because every slot and queue place was taken.");

    /// <summary>Whether message and retrieved text may be recorded on spans (off unless the environment opts in).</summary>
    public static bool CaptureContent { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT"), "true", StringComparison.OrdinalIgnoreCase);

    public static void RecordError(this Activity? activity, Exception exception)
    {
        if (activity is null) return;
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag("error.type", exception.GetType().FullName);
        activity.AddException(exception);
    }
}
