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
    /// <summary>
    /// Linear-time matching where the pattern allows it (no back-references or look-arounds), so a long message
    /// cannot make a rule time out; other patterns backtrack with a deadline.
    /// </summary>
    internal static Regex Compile(string pattern)
    {
        const RegexOptions options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, options, TimeSpan.FromMilliseconds(200));
        }
    }
}
