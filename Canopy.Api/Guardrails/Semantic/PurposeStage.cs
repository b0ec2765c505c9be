using System.Diagnostics;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// The harm classifier's third stage: a request its second stage would block is passed when it is asked to stay safe,
/// help someone, report or recover from a harm rather than to do one ("someone is threatening to share photos of me
/// unless I pay, what do I do?"). A logistic regression over the second stage's features (no second transformer run),
/// trained by <c>tools/Canopy.Guardrails.Tool</c> on questions seeking safety and requests for harm on the same subjects,
/// many under cover of safety's words, written for the repository, with the pool's requests for harm; its threshold lets
/// through at most a set share of the requests for harm the second stage blocks, each dataset scored by a model trained without it.
/// </summary>
public sealed class PurposeStage(ClassifierModel model)
{
    public ClassifierModel Model => model;

    /// <summary>Whether the request's purpose reads as protective; each read is an event on the current span (its score, never the text).</summary>
    public bool IsProtective(float[] sentenceFeatures)
    {
        var score = model.Probability(sentenceFeatures);
        var protective = score >= model.Threshold;
        Activity.Current?.AddEvent(new ActivityEvent(ApiTelemetry.PurposeStageEvent, tags: new ActivityTagsCollection
        {
            ["canopy.guardrails.detector"] = HarmClassifierDetector.DetectorName,
            ["canopy.guardrails.purpose.score"] = Math.Round(score, 4),
            ["canopy.guardrails.purpose.protective"] = protective,
        }));
        return protective;
    }
}
