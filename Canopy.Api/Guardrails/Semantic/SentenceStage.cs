using System.Diagnostics;
using Canopy.Api.Guardrails.Text;
using Canopy.Embeddings;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A classifier's second stage (the harm and the injection classifiers have one each): all-MiniLM-L6-v2 itself reads
/// the request (its sentence vector keeps the word order that an average of token vectors loses), beside the first
/// stage's features. The transformer costs 8-90 ms on one core, so it reads only requests that the first stage scores
/// at or over <see cref="Gate"/>, and a request both stages read is encoded once (<see cref="SentenceVectors"/>).
/// </summary>
public sealed class SentenceStage(SentenceVectors encoder, ClassifierModel model, string detector)
{
    /// <summary>
    /// The first-stage score from which the second stage reads a request. Chosen for cost: on the training folds about
    /// one ordinary request in eight reaches it, and blocking barely changed between 0.2 and 0.65
    /// (docs/guardrails-history.md, "The harm classifier's sentence stage").
    /// </summary>
    public const double Gate = 0.5;

    public const int Dimensions = MiniLmEmbeddingGenerator.Dimensions;

    public ClassifierModel Model => model;

    /// <summary>The request's sentence vector, of the folded text as the first stage reads it.</summary>
    public static float[] Encode(MiniLmEmbeddingGenerator encoder, string text) => encoder.Embed(TextNormalizer.Fold(text));

    public SentenceStage(MiniLmEmbeddingGenerator encoder, ClassifierModel model, string detector) : this(new SentenceVectors(encoder), model, detector)
    {
    }

    /// <summary>The second stage's features: the sentence vector, then the first stage's features.</summary>
    public static float[] Features(float[] sentence, float[] firstStage) => [.. sentence, .. firstStage];

    /// <summary>The second stage's features of a request (its sentence vector computed once per text instance).</summary>
    public float[] FeaturesOf(string text, float[] firstStage) => Features(encoder.Of(text), firstStage);

    /// <summary>
    /// The second stage's score. Its cost is what makes a guardrails check slow, so each read is an event on the current
    /// span (its duration and score, never the text) and a measurement of <see cref="ApiTelemetry.SentenceStageDuration"/>.
    /// </summary>
    public double Score(string text, float[] firstStage)
    {
        var started = Stopwatch.GetTimestamp();
        var score = model.Probability(FeaturesOf(text, firstStage));
        Record(detector, "canopy.guardrails.score", score, started);
        return score;
    }

    /// <summary>A read of MiniLM by a stage: an event on the current span (detector, its result, duration; never the text) and a duration measurement.</summary>
    public static void Record(string detector, string resultTag, double result, long started)
    {
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        ApiTelemetry.SentenceStageDuration.Record(seconds);
        Activity.Current?.AddEvent(new ActivityEvent(ApiTelemetry.SentenceStageEvent, tags: new ActivityTagsCollection
        {
            ["canopy.guardrails.detector"] = detector,
            [resultTag] = Math.Round(result, 4),
            ["canopy.guardrails.sentence_stage.duration"] = seconds,
        }));
    }
}
