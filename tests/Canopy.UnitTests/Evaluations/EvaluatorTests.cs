using System.Runtime.CompilerServices;
using Canopy.Api.Evaluations;
using Canopy.Api.Evaluations.Scoring;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Contracts.Evaluations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Evaluations;

public sealed class EvaluatorTests
{
    private const string Lai = "Leaf area index (LAI) is the total one-sided area of leaves per unit area of ground, so it has no units.";
    private const string Probing = "With linear probing at a load factor of 0.75, an unsuccessful search takes about 8.5 probes.";
    private static readonly string[] Passages = [Lai + " An LAI of 4 means the leaves above a square metre would cover four square metres.", Probing];

    private static CaseContext Context(bool expectRefusal = false, bool retrieval = true, int budget = 512, string question = "What is leaf area index?") =>
        new(new EvaluationCase("c1", question, "information-search", null, expectRefusal), Passages, retrieval, budget);

    private static async Task<EvaluationScore?> ScoreAsync(IEvaluator evaluator, string answer, CaseContext context, IChatClient? judge = null)
    {
        var result = await evaluator.EvaluateAsync([new ChatMessage(ChatRole.User, context.Case.Question)], new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)),
            judge is null ? null : new ChatConfiguration(judge), [context]);
        return result.Metrics.Values.Select(AnswerScorer.ToScore).SingleOrDefault();
    }

    [Theory]
    [InlineData("LAI has no units [1]. Probing costs 8.5 probes [2].", 1.0, "pass")]
    [InlineData("LAI has no units [1, 2].", 1.0, "pass")]
    [InlineData("LAI has no units [1]. It is measured by satellites [7].", 0.5, "fail")]
    [InlineData("LAI has no units.", 0.0, "fail")]
    public async Task Citations_must_exist_and_name_a_passage_that_was_shown(string answer, double value, string label)
    {
        var score = await ScoreAsync(new CitationEvaluator(), answer, Context());
        Assert.Equal((value, label), (score!.Value, score.Label));
    }

    [Fact]
    public async Task Citations_are_not_scored_for_a_refusal_or_a_feature_without_retrieval()
    {
        Assert.Null(await ScoreAsync(new CitationEvaluator(), "The course documents do not cover this.", Context()));
        Assert.Null(await ScoreAsync(new CitationEvaluator(), "A summary without citations.", Context(retrieval: false)));
    }

    [Theory]
    [InlineData(true, "The course documents do not cover parking permits.", 1.0)]
    [InlineData(true, "Parking costs 40 dollars a term [1].", 0.0)]
    [InlineData(false, "I could not find anything about this in the course documents.", 0.0)]
    [InlineData(false, "LAI has no units [1].", 1.0)]
    public async Task Refusal_is_right_when_it_matches_what_the_case_expects(bool expected, string answer, double value)
    {
        var score = await ScoreAsync(new RefusalEvaluator(), answer, Context(expectRefusal: expected));
        Assert.Equal(value, score!.Value);
        Assert.Equal(value == 1 ? "pass" : "fail", score.Label);
    }

    [Theory]
    [InlineData(512, 200, 1.0)]
    [InlineData(16, 200, 0.32)]
    [InlineData(512, 0, 0.0)]
    public async Task Length_must_fit_the_budget_and_not_be_empty(int budget, int characters, double value)
    {
        var score = await ScoreAsync(new LengthEvaluator(), new string('a', characters), Context(budget: budget));
        Assert.Equal(value, score!.Value);
    }

    [Fact]
    public async Task Groundedness_supports_sentences_taken_from_the_passages_and_not_unrelated_claims()
    {
        var evaluator = new GroundednessEvaluator(SemanticModels.Default.Embedder, new EvaluationOptions().GroundednessThreshold);

        var quoted = await ScoreAsync(evaluator, $"*No generative model is configured, so here are the most relevant extracts from your course documents:*\n\n> {Lai} [1]", Context());
        var invented = await ScoreAsync(evaluator, $"{Lai} [1] The French Revolution began in 1789 with the storming of the Bastille in Paris.", Context());

        Assert.Equal((1.0, "pass"), (quoted!.Value, quoted.Label));
        Assert.Equal((0.5, "fail"), (invented!.Value, invented.Label));
        Assert.Contains("French Revolution", invented.Explanation);
    }

    [Fact]
    public async Task Groundedness_of_a_summary_is_measured_against_the_text_given()
    {
        var evaluator = new GroundednessEvaluator(SemanticModels.Default.Embedder, new EvaluationOptions().GroundednessThreshold);
        var score = await ScoreAsync(evaluator, "Quantum computers factor large primes using Shor's algorithm in polynomial time.", Context(retrieval: false, question: Probing));
        Assert.Equal(0.0, score!.Value);
    }

    [Theory]
    [InlineData("Score: 4\nReason: Mostly answers it.", 4, "Mostly answers it.")]
    [InlineData("**Score**: 2 - the answer drifts.", 2, "**Score**: 2 - the answer drifts.")]
    [InlineData("I would rate this 5/5.\nReason: complete", 5, "complete")]
    [InlineData("Rating: 10 out of 10", null, "Rating: 10 out of 10")]
    [InlineData("", null, "")]
    public void A_judges_rating_is_read_defensively(string reply, int? rating, string reason)
    {
        Assert.Equal(rating, JudgeReply.Rating(reply));
        Assert.Equal(reason, JudgeReply.Reason(reply));
    }

    [Theory]
    [InlineData("Verdict: NO\nReason: fixed", false)]
    [InlineData("verdict - yes, the week is still wrong", true)]
    [InlineData("Yes. The answer still cites week 6.", true)]
    [InlineData("Hard to say.", null)]
    public void A_judges_verdict_is_read_defensively(string reply, bool? verdict) => Assert.Equal(verdict, JudgeReply.Verdict(reply));

    [Fact]
    public async Task A_judge_reply_without_a_rating_is_an_error_score_not_a_number()
    {
        var score = await ScoreAsync(new RelevanceJudge(), "LAI has no units [1].", Context(), new CannedChatClient("I am not sure what you mean."));
        Assert.Equal((null, "error"), (score!.Value, score.Label));
        Assert.Contains("no rating", score.Explanation);
    }

    [Fact]
    public async Task Without_a_model_only_the_deterministic_evaluators_score()
    {
        var scorer = new AnswerScorer(SemanticModels.Default, Options.Create(new EvaluationOptions()));
        var context = new CaseContext(new EvaluationCase("c1", "What is leaf area index?", Problem: "Too vague"), Passages, true, 512);

        var alone = await scorer.ScoreAsync(context, Lai + " [1]", null, CancellationToken.None);
        var judged = await scorer.ScoreAsync(context, Lai + " [1]", new CannedChatClient("Score: 5\nVerdict: NO\nReason: fine"), CancellationToken.None);

        Assert.Equal(["citations", "groundedness", "refusal", "length"], alone.Select(s => s.Name));
        Assert.Equal(["citations", "groundedness", "refusal", "length", "relevance", "problem-fixed"], judged.Select(s => s.Name));
        Assert.Equal((1.0, 1.0), (judged[4].Value, judged[5].Value));
    }

    [Fact]
    public void A_runs_score_is_the_mean_of_its_metric_means_and_errors_count_in_neither()
    {
        EvaluationCaseResult Case(params EvaluationScore[] scores) => new("c", "q", "a", "t", null, scores);
        var metrics = RunSummary.Metrics([
            Case(new("citations", 1, "pass", ""), new("length", 1, "pass", "")),
            Case(new("citations", 0, "fail", ""), new("length", 1, "pass", ""), new("relevance", null, "error", "")),
        ]);

        Assert.Equal([new MetricSummary("citations", 0.5, 2, 1), new MetricSummary("length", 1, 2, 2)], metrics);
        Assert.Equal(0.75, RunSummary.Score(metrics));
    }

    /// <summary>A model that answers every question with the same text, streamed in one update.</summary>
    private sealed class CannedChatClient(string reply) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, reply);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
