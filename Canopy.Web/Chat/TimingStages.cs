using Canopy.Contracts.Chat;

namespace Canopy.Web.Chat;

/// <summary>The stages of a turn's timing bar, in the order they ran, leaving out those that did not run.</summary>
public static class TimingStages
{
    public static IEnumerable<(string Key, string Label, double Ms)> Of(StageTimings t)
    {
        if (t.GuardrailsMs is { } g) yield return ("guardrails", "guardrails", g + (t.OutputGuardrailsMs ?? 0));
        if (t.RetrievalMs is { } r) yield return ("retrieval", "retrieval", r);
        if (t.PromptMs is { } p && t.GenerationMs is null) yield return ("prompt", "prompt", p);
        if (t.GenerationMs is { } m) yield return ("model", "model", m);
    }
}
