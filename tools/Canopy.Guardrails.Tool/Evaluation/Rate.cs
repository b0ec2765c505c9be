namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>A share of items, printed as "hits/total (percent)".</summary>
public readonly record struct Rate(int Hits, int Total)
{
    public double Value => Total == 0 ? 0 : (double)Hits / Total;

    public static Rate Of(IEnumerable<bool> outcomes)
    {
        int hits = 0, total = 0;
        foreach (var o in outcomes)
        {
            total++;
            if (o) hits++;
        }
        return new Rate(hits, total);
    }

    public static Rate operator +(Rate a, Rate b) => new(a.Hits + b.Hits, a.Total + b.Total);

    public override string ToString() => Total == 0 ? "–" : $"{Hits}/{Total} ({Value * 100:0.0}%)";
}
