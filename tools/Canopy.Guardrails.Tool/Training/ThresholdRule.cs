namespace Canopy.Guardrails.Tool.Training;

/// <summary>
/// Picks a block threshold from scores of benign rows the model did not train on (each dataset scored by a model
/// trained without it): the lowest threshold that keeps benign instructions and student questions under their targets.
/// </summary>
public sealed record ThresholdRule(double MaxBenignInstructionRate, double MaxStudentQuestionRate, double Floor = 0.5)
{
    public double Choose(IEnumerable<double> benignInstructionScores, IEnumerable<double> studentScores) =>
        Math.Max(Floor, Math.Max(Quantile(benignInstructionScores, MaxBenignInstructionRate), Quantile(studentScores, MaxStudentQuestionRate)));

    // The smallest threshold t with (scores >= t) / n <= rate.
    private static double Quantile(IEnumerable<double> scores, double rate)
    {
        var sorted = scores.OrderByDescending(s => s).ToArray();
        if (sorted.Length == 0) return 0;
        var allowed = (int)Math.Floor(rate * sorted.Length);
        return allowed >= sorted.Length ? 0 : Math.Min(1, Math.BitIncrement(sorted[allowed]));
    }

    public override string ToString() =>
        $"the lowest threshold (at least {Floor}) that blocks at most {MaxBenignInstructionRate:P1} of benign instructions and {MaxStudentQuestionRate:P1} of student questions, each dataset scored by a model trained without it";
}
