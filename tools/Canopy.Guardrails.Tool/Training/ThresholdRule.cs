using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// Picks a block threshold from scores of benign rows the model did not train on (each dataset scored by a model
/// trained without it): the lowest threshold that keeps benign instructions and student questions under their targets.
/// </summary>
/// <param name="EachDataset">
/// If set, the most each benign dataset may lose on its own (instructions, student questions), besides the pooled rates.
/// </param>
public sealed record ThresholdRule(double MaxBenignInstructionRate, double MaxStudentQuestionRate, double Floor = 0.5, (double Instructions, double Students)? EachDataset = null)
{
    /// <summary>The threshold for out-of-fold scores of benign rows, each with its dataset and kind.</summary>
    public double Choose(IEnumerable<(string Group, RowKind Kind, double Score)> scored)
    {
        var list = scored.ToList();
        var pooled = Choose(list.Where(s => s.Kind != RowKind.StudentQuestion).Select(s => s.Score), list.Where(s => s.Kind == RowKind.StudentQuestion).Select(s => s.Score));
        return EachDataset is not { } each ? pooled : list.GroupBy(s => (s.Group, Student: s.Kind == RowKind.StudentQuestion))
            .Select(g => Quantile(g.Select(s => s.Score), g.Key.Student ? each.Students : each.Instructions)).Append(pooled).Max();
    }

    public double Choose(IEnumerable<double> benignInstructionScores, IEnumerable<double> studentScores) =>
        Math.Max(Floor, Math.Max(Quantile(benignInstructionScores, MaxBenignInstructionRate), Quantile(studentScores, MaxStudentQuestionRate)));

    // The smallest threshold t with (scores >= t) / n <= rate.
    internal static double Quantile(IEnumerable<double> scores, double rate)
    {
        var sorted = scores.OrderByDescending(s => s).ToArray();
        if (sorted.Length == 0) return 0;
        var allowed = (int)Math.Floor(rate * sorted.Length);
        return allowed >= sorted.Length ? 0 : Math.Min(1, Math.BitIncrement(sorted[allowed]));
    }

    public override string ToString() =>
        $"the lowest threshold (at least {Floor}) that blocks at most {MaxBenignInstructionRate:P1} of benign instructions and {MaxStudentQuestionRate:P1} of student questions{(EachDataset is { } each ? $" pooled, and at most {each.Instructions:P1} and {each.Students:P1} of each dataset" : "")}, each dataset scored by a model trained without it";
}
