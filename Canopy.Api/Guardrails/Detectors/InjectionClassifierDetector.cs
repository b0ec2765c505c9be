using Canopy.Api.Guardrails.Learning;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Learned prompt-injection detector: logistic regression over character and word n-grams, trained on the deepset
/// train split by <c>dotnet run --project Canopy.Api -- train-guardrails</c>. Its score is the model's probability.
/// </summary>
public sealed partial class InjectionClassifierDetector(LogisticModel model) : IGuardrailDetector
{
    public const string DetectorName = "injection_classifier";

    /// <summary>Where the committed weights are, relative to the application (copied there as content).</summary>
    public static readonly string DefaultModelPath = Path.Combine(AppContext.BaseDirectory, "Guardrails", "Models", "injection-classifier.json");

    private static readonly Lazy<LogisticModel> Shipped = new(() => LogisticModel.Load(DefaultModelPath));

    public InjectionClassifierDetector() : this(Shipped.Value) { }

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    /// <summary>The threshold chosen at training time; configuration may override it.</summary>
    public double DefaultThreshold => model.Threshold;

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (!AddressesAssistant(text)) return [];
        var p = model.Probability(text);
        // Scores under the training threshold are not reported; a configured threshold can only raise it.
        return p >= model.Threshold ? [new Detection(Name, "prompt_injection", Math.Round(p, 4), GuardrailAction.Block)] : [];
    }

    /// <summary>
    /// The model's vote counts only for text that speaks to the assistant or gives an order: trained on news-style
    /// questions, it otherwise mistakes long encyclopaedic questions for attacks.
    /// </summary>
    internal static bool AddressesAssistant(string text)
    {
        var folded = GenericYou().Replace(Text.TextNormalizer.Deobfuscate(text), " ");
        return Addressee().IsMatch(folded);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(you|your|yours|yourself|du|dir|dich|dein\w*|sie|ihnen|tu|say|sag\w*|tell|write|generate|generier\w*|schreib\w*|print|show|act|antwort\w*|respond|translate|übersetz\w*|pretend|forget|vergiss|ignore|ignorier\w*|imagine|play|spiel\w*|prompt|joke)\b")]
    private static partial System.Text.RegularExpressions.Regex Addressee();

    // "What do you call ..." addresses nobody in particular.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(what|how) do you call\b")]
    private static partial System.Text.RegularExpressions.Regex GenericYou();
}
