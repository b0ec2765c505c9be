using Canopy.Api.Guardrails;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>
/// The PII detector on Presidio's synthetic sentences: recall per structured type (a gold span counts when a
/// detection of its type overlaps it) and the precision of every PII detection.
/// </summary>
public static class PiiEvaluation
{
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["EMAIL_ADDRESS"] = "email", ["PHONE_NUMBER"] = "phone", ["CREDIT_CARD"] = "card_number",
        ["IBAN_CODE"] = "iban", ["US_SSN"] = "ssn", ["IP_ADDRESS"] = "ip_address",
    };

    public static (IReadOnlyList<(string Type, Rate Recall)> Recall, Rate Precision) Run(IReadOnlyList<PiiSentence> sentences)
    {
        var pii = new PiiDetector();
        var found = new Dictionary<string, Rate>();
        int correct = 0, predicted = 0;
        foreach (var s in sentences)
        {
            var detections = pii.Detect(s.Text, GuardrailStage.Input).ToList();
            foreach (var span in s.Spans.Where(x => Types.ContainsKey(x.EntityType)))
                found[span.EntityType] = found.GetValueOrDefault(span.EntityType) + Rate.Of([detections.Any(d => d.Category == Types[span.EntityType] && Overlaps(d, span))]);
            predicted += detections.Count;
            correct += detections.Count(d => s.Spans.Any(span => Types.GetValueOrDefault(span.EntityType) == d.Category && Overlaps(d, span)));
        }
        return ([.. found.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value))], new Rate(correct, predicted));
    }

    private static bool Overlaps(Detection d, PiiSpan span) => d.Start < span.End && span.Start < d.Start + d.Length;
}
