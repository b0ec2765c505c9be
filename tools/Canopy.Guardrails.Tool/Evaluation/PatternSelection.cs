using Canopy.Api.Guardrails;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>
/// Which phrasing patterns earn their place on a set of rows: at least <see cref="MinAttacks"/> attack rows matched
/// and at most one benign row per <see cref="AttacksPerBenign"/> attacks. Leave-one-source-out evaluation applies
/// the rule without the held-out dataset, so a pattern kept only for that dataset's rows does not count for it.
/// Rows under non-commercial terms never choose.
/// </summary>
public sealed class PatternSelection
{
    public const int MinAttacks = 2;
    public const int AttacksPerBenign = 10;

    private readonly IReadOnlyList<LabelledRow> _rows;
    private readonly bool[][] _hits;
    private readonly Dictionary<string, int> _byId;

    public PatternSelection(IReadOnlyList<LabelledRow> rows, IReadOnlyList<InjectionPattern> patterns)
    {
        _rows = rows;
        Patterns = patterns;
        _hits = new bool[rows.Count][];
        Parallel.For(0, rows.Count, i =>
        {
            var views = Canopy.Api.Guardrails.Text.TextNormalizer.Views(rows[i].Text);
            _hits[i] = [.. patterns.Select(p => views.Any(v => p.Regex.IsMatch(v)))];
        });
        _byId = rows.Select((r, i) => (r.Id, i)).DistinctBy(x => x.Id).ToDictionary(x => x.Id, x => x.i);
    }

    public IReadOnlyList<InjectionPattern> Patterns { get; }

    /// <summary>Whether any of <paramref name="kept"/> matches the row (looked up if it is one of the rows given, else matched now).</summary>
    public bool Matches(LabelledRow row, IReadOnlyCollection<InjectionPattern> kept)
    {
        if (!_byId.TryGetValue(row.Id, out var index))
        {
            var views = Canopy.Api.Guardrails.Text.TextNormalizer.Views(row.Text);
            return kept.Any(p => views.Any(v => p.Regex.IsMatch(v)));
        }
        var hits = _hits[index];
        for (var p = 0; p < Patterns.Count; p++)
            if (hits[p] && kept.Contains(Patterns[p])) return true;
        return false;
    }

    /// <summary>For each pattern, its attack and benign hits among the rows outside <paramref name="heldOut"/>.</summary>
    public IReadOnlyList<(InjectionPattern Pattern, int Attacks, int Benign, bool Kept)> Audit(string? heldOut = null)
    {
        var result = new List<(InjectionPattern, int, int, bool)>();
        for (var p = 0; p < Patterns.Count; p++)
        {
            int attacks = 0, benign = 0;
            for (var i = 0; i < _rows.Count; i++)
            {
                if (!_hits[i][p] || _rows[i].Group == heldOut || _rows[i].NonCommercial) continue;
                if (_rows[i].IsAttack) attacks++;
                else benign++;
            }
            result.Add((Patterns[p], attacks, benign, attacks >= MinAttacks && benign * AttacksPerBenign <= attacks));
        }
        return result;
    }

    public IReadOnlyList<InjectionPattern> Kept(string? heldOut = null) => [.. Audit(heldOut).Where(a => a.Kept).Select(a => a.Pattern)];
}
