using Microsoft.Extensions.Logging.Abstractions;

namespace Canopy.Api.Guardrails.Evaluation;

/// <summary>A share of items, printed as "blocked/total (percent)".</summary>
public readonly record struct Rate(int Hits, int Total)
{
    public double Value => Total == 0 ? 0 : (double)Hits / Total;
    public override string ToString() => $"{Hits}/{Total} ({Value * 100:0.0}%)";
}

/// <summary>Runs the local detectors over the labelled sets and measures block rates, false positives, recall and precision.</summary>
public sealed class GuardrailEvaluator(IReadOnlyList<IGuardrailDetector> detectors)
{
    public static readonly IReadOnlyDictionary<string, string> PiiTypes = new Dictionary<string, string>
    {
        ["EMAIL_ADDRESS"] = "email", ["PHONE_NUMBER"] = "phone", ["CREDIT_CARD"] = "card_number",
        ["IBAN_CODE"] = "iban", ["US_SSN"] = "ssn", ["IP_ADDRESS"] = "ip_address",
    };

    public static GuardrailEvaluator Default() => new(
        [new PiiDetector(), new PromptInjectionDetector(), new InjectionClassifierDetector(), new HapDetector(), new TopicPolicyDetector()]);

    private GuardrailService Service(params string[] only) =>
        new(only.Length == 0 ? detectors : [.. detectors.Where(d => only.Contains(d.Name))], NullLogger<GuardrailService>.Instance);

    private static readonly string[] InjectionDetectors = [PromptInjectionDetector.DetectorName, InjectionClassifierDetector.DetectorName];

    /// <summary>Block rate on attacks and on benign rows, by detector and for the whole input check.</summary>
    public IReadOnlyList<(string Detector, Rate Attacks, Rate Benign)> Injection(IReadOnlyList<LabelledText> rows)
    {
        var result = new List<(string, Rate, Rate)>();
        foreach (var name in InjectionDetectors.Append("all input detectors"))
        {
            var service = name.StartsWith("all") ? Service() : Service(name);
            var blocked = rows.Select(r => (r.Attack, Blocked: service.Evaluate(r.Text, GuardrailStage.Input, null).IsBlocked)).ToList();
            result.Add((name, Count(blocked.Where(b => b.Attack)), Count(blocked.Where(b => !b.Attack))));
        }
        return result;
    }

    /// <summary>Direct attacks are checked as the student's message, indirect ones as a retrieved passage (context stage).</summary>
    public (Rate All, Rate Direct, Rate Indirect, IReadOnlyList<(string Variant, Rate Rate)> ByVariant) CyberSecEval(IReadOnlyList<CyberSecEvalCase> cases)
    {
        var service = Service();
        var blocked = cases.Select(c => (c, Blocked: service.Evaluate(c.UserInput, c.Indirect ? GuardrailStage.Context : GuardrailStage.Input, null).IsBlocked)).ToList();
        return (Count(blocked.Select(b => (true, b.Blocked))),
            Count(blocked.Where(b => !b.c.Indirect).Select(b => (true, b.Blocked))),
            Count(blocked.Where(b => b.c.Indirect).Select(b => (true, b.Blocked))),
            [.. blocked.GroupBy(b => b.c.Variant).OrderBy(g => g.Key).Select(g => (g.Key, Count(g.Select(b => (true, b.Blocked)))))]);
    }

    /// <summary>Share of cases the HAP detector blocks, per HateCheck functionality (for "_nh" functionalities lower is better).</summary>
    public IReadOnlyList<(string Functionality, bool Hateful, Rate Blocked)> HateCheck(IReadOnlyList<HateCheckCase> cases)
    {
        var service = Service(HapDetector.DetectorName);
        return [.. cases.GroupBy(c => c.Functionality).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.First().Hateful, Count(g.Select(c => (true, service.Evaluate(c.Text, GuardrailStage.Input, null).IsBlocked)))))];
    }

    /// <summary>Recall per structured type (a gold span counts when a detection of its type overlaps it) and precision of all PII detections.</summary>
    public (IReadOnlyList<(string Type, Rate Recall)> Recall, Rate Precision) Pii(IReadOnlyList<PiiSentence> sentences)
    {
        var pii = new PiiDetector();
        var found = new Dictionary<string, (int Hit, int Total)>();
        int correct = 0, predicted = 0;
        foreach (var s in sentences)
        {
            var detections = pii.Detect(s.Text, GuardrailStage.Input).ToList();
            foreach (var span in s.Spans.Where(x => PiiTypes.ContainsKey(x.EntityType)))
            {
                var hit = detections.Any(d => d.Category == PiiTypes[span.EntityType] && Overlaps(d, span));
                var (h, t) = found.GetValueOrDefault(span.EntityType);
                found[span.EntityType] = (h + (hit ? 1 : 0), t + 1);
            }
            predicted += detections.Count;
            correct += detections.Count(d => s.Spans.Any(span => PiiTypes.GetValueOrDefault(span.EntityType) == d.Category && Overlaps(d, span)));
        }
        return ([.. found.OrderBy(kv => kv.Key).Select(kv => (kv.Key, new Rate(kv.Value.Hit, kv.Value.Total)))], new Rate(correct, predicted));
    }

    /// <summary>Benign student questions blocked by the whole input check, by source.</summary>
    public IReadOnlyList<(string Source, Rate Blocked)> Benign(IReadOnlyList<(string Source, string Question)> questions)
    {
        var service = Service();
        var blocked = questions.Select(q => (q.Source, Blocked: service.Evaluate(q.Question, GuardrailStage.Input, null).IsBlocked)).ToList();
        return [.. blocked.GroupBy(b => b.Source).Select(g => (g.Key, Count(g.Select(b => (true, b.Blocked)))))
            .Append(("all", Count(blocked.Select(b => (true, b.Blocked)))))];
    }

    /// <summary>The questions the whole input check blocks, to look at when a figure moves.</summary>
    public IEnumerable<(string Text, string Category)> BlockedBenign(IEnumerable<string> questions)
    {
        var service = Service();
        foreach (var q in questions)
        {
            var r = service.Evaluate(q, GuardrailStage.Input, null);
            if (r.IsBlocked) yield return (q, $"{r.Detections.First(d => d.Action == GuardrailAction.Block).Detector}/{r.BlockCategory}");
        }
    }

    private static bool Overlaps(Detection d, PiiSpan span) => d.Start < span.End && span.Start < d.Start + d.Length;

    private static Rate Count(IEnumerable<(bool, bool Blocked)> items)
    {
        var list = items.ToList();
        return new Rate(list.Count(i => i.Blocked), list.Count);
    }
}
