using Canopy.Contracts.Evaluations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Canopy.Api.Evaluations.Scoring;

/// <summary>
/// What an answer is judged against: its case (question, expected refusal, the problem reported earlier), the texts it had to
/// stay within (the passages shown, numbered as its [n] citations, or the text to summarise) and its length budget.
/// </summary>
public sealed class CaseContext(EvaluationCase evaluationCase, IReadOnlyList<string> passages, bool usesRetrieval, int maxTokens)
    : EvaluationContext(ContextName, [new TextContent(Describe(evaluationCase, passages.Count, maxTokens))])
{
    public const string ContextName = "Canopy evaluation case";

    public EvaluationCase Case { get; } = evaluationCase;

    /// <summary>The shown passages in citation order ([1] is the first).</summary>
    public IReadOnlyList<string> Passages { get; } = passages;

    public bool UsesRetrieval { get; } = usesRetrieval;

    public int MaxTokens { get; } = maxTokens;

    /// <summary>What the answer's sentences must come from: the passages, or for a feature without retrieval the student's text.</summary>
    public IReadOnlyList<string> Sources => UsesRetrieval ? Passages : [Case.Question];

    public static CaseContext Of(IEnumerable<EvaluationContext>? contexts) =>
        contexts?.OfType<CaseContext>().FirstOrDefault() ?? throw new ArgumentException($"Canopy's evaluators need a {nameof(CaseContext)}.", nameof(contexts));

    private static string Describe(EvaluationCase c, int passages, int maxTokens) =>
        $"case {c.Id}; {passages} passages shown; budget {maxTokens} tokens; expect refusal: {c.ExpectRefusal}";
}
