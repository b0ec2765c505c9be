using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Refuses topics a feature must not serve: the built-in policy for every feature (instructions for weapons and
/// drugs) plus <c>Canopy:Guardrails:Topics:&lt;feature&gt;</c> ("*" for all features).
/// </summary>
public sealed class TopicPolicyDetector : IGuardrailDetector
{
    public const string DetectorName = "topic_policy";

    /// <summary>The policy every feature has, whatever the configuration adds.</summary>
    public static readonly DenyRule[] BuiltIn =
    [
        new() { Name = "dangerous_instructions", Pattern = @"\b(how (to|do i|do you|can i|would you|is|are)|steps? to|recipe for|instructions (for|on|to))\b.{0,30}\b(make|making|build|building|synthesi[sz]e|synthesi[sz]ing|cook|cooking|produce|producing|made|built|assemble|assembling)\b.{0,20}\b(a |an )?(homemade |improvised )?((?<!\b(bath|seed|smoke|stink) )bombs?(?! calorimet)|explosives?|explosive devices?|meth|methamphetamine|nerve agents?|sarin|ricin|pipe bombs?|molotov( cocktails?)?|napalm|chemical weapons?|biological weapons?|bioweapons?|dirty bombs?)\b|\b(meth|methamphetamine|bomb|explosives?)\b.{0,10}\b(is|are) made\b|\bhow (is|are) (\w+ ){0,2}(meth|methamphetamine|bombs?|explosives?|nerve agents?) (made|produced|synthesi[sz]ed|built)\b" },
    ];

    private readonly (Regex Pattern, string Name)[] _everyFeature;
    private readonly Dictionary<string, (Regex Pattern, string Name)[]> _byFeature;

    public TopicPolicyDetector(IReadOnlyDictionary<string, TopicPolicy> topics)
    {
        _everyFeature = [.. BuiltIn.Concat(topics.TryGetValue("*", out var all) ? all.Denied : []).Select(r => (DenyListDetector.Compile(r.Pattern), r.Name))];
        _byFeature = topics.Where(kv => kv.Key != "*")
            .ToDictionary(kv => kv.Key, kv => kv.Value.Denied.Select(r => (DenyListDetector.Compile(r.Pattern), r.Name)).ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    public TopicPolicyDetector() : this(new Dictionary<string, TopicPolicy>()) { }

    public TopicPolicyDetector(IOptions<GuardrailOptions> options) : this(options.Value.Topics) { }

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage) => Detect(text, stage, null);

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage, string? feature)
    {
        var rules = feature is not null && _byFeature.TryGetValue(feature, out var specific) ? _everyFeature.Concat(specific) : _everyFeature;
        var folded = Text.TextNormalizer.Deobfuscate(text);
        var hit = rules.FirstOrDefault(r => r.Pattern.IsMatch(folded));
        return hit.Pattern is null ? [] : [new Detection(Name, hit.Name, 1.0, GuardrailAction.Block)];
    }
}
