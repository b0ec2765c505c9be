using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Guardrails;

/// <summary>Configured regular expressions (<c>Canopy:Guardrails:DenyList</c>); a match blocks unless configured otherwise, and reports the rule's name.</summary>
public sealed class DenyListDetector : IGuardrailDetector
{
    public const string DetectorName = "deny_list";

    private readonly (Regex Pattern, string Name)[] _rules;

    public DenyListDetector(IEnumerable<DenyRule> rules) =>
        _rules = [.. rules.Select(r => (Compile(r.Pattern), r.Name))];

    public DenyListDetector(IOptions<GuardrailOptions> options) : this(options.Value.DenyList) { }

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Context, GuardrailStage.Output };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        foreach (var (pattern, name) in _rules)
        {
            foreach (Match m in pattern.Matches(text))
                yield return new Detection(Name, name, 1.0, GuardrailAction.Block, m.Index, m.Length);
        }
    }

    // A bounded match time keeps a badly written pattern from stalling a request.
    internal static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
}
