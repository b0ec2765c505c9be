using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Hosting;
using Canopy.Contracts.Chat;
using Canopy.Contracts.Experiments;
using Canopy.Contracts.Prompts;
using Canopy.Web;
using Canopy.Web.ApiCalls;
using Canopy.Web.Chat;
using Canopy.Web.Experiments;
using Canopy.Web.Prompts;

namespace Canopy.UnitTests.Web;

/// <summary>The chat's A/B pair: the hidden order maps back to champion and challenger, and the preference names each answer's own trace.</summary>
public sealed class AbTestUiTests
{
    private static readonly AbTestPlan Plan = new("information-search", Champion: 1, Challenger: 3);

    [Theory]
    [InlineData(true, AbChoice.A, AbWinners.Champion)]
    [InlineData(true, AbChoice.B, AbWinners.Challenger)]
    [InlineData(false, AbChoice.A, AbWinners.Challenger)]
    [InlineData(false, AbChoice.B, AbWinners.Champion)]
    [InlineData(true, AbChoice.Same, AbWinners.Tie)]
    [InlineData(false, AbChoice.Same, AbWinners.Tie)]
    public void The_label_the_student_chose_maps_back_to_the_prompt_that_wrote_it(bool championFirst, AbChoice choice, string winner)
    {
        var pair = AbPair.Create(Plan, "conv-1", "What is a Bell state?", "information-search", championFirst);

        Assert.Equal(winner, pair.Winner(choice));
        Assert.Same(championFirst ? pair.A : pair.B, pair.Champion);
        Assert.Same(championFirst ? pair.B : pair.A, pair.Challenger);
        Assert.Equal(PromptAliases.Champion, pair.AliasOf(pair.Champion));
        Assert.Equal(PromptAliases.Challenger, pair.AliasOf(pair.Challenger));
    }

    [Fact]
    public void The_order_is_a_coin_toss_so_either_prompt_can_be_answer_a()
    {
        var coin = new Random(7);
        var firsts = Enumerable.Range(0, 200).Select(_ => AbPair.Create(Plan, "c", "q", "information-search", coin).ChampionFirst).ToList();

        Assert.InRange(firsts.Count(f => f), 60, 140);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_preference_names_each_answers_version_trace_and_span_from_its_start_event(bool championFirst)
    {
        var pair = AbPair.Create(Plan, "conv-1", "q", "information-search", championFirst);
        Finish(pair.Champion, Start("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", "bbbbbbbbbbbbbbb1", version: 1, PromptAliases.Champion), "champion's answer");
        Finish(pair.Challenger, Start("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2", "bbbbbbbbbbbbbbb2", version: 3, PromptAliases.Challenger), "challenger's answer");

        var preference = pair.Preference(AbChoice.B);

        Assert.Equal(new AbAnswerRef(1, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", "bbbbbbbbbbbbbbb1"), preference.Champion);
        Assert.Equal(new AbAnswerRef(3, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2", "bbbbbbbbbbbbbbb2"), preference.Challenger);
        Assert.Equal(championFirst ? AbWinners.Challenger : AbWinners.Champion, preference.Winner);
        Assert.Equal("conv-1", preference.ConversationId);
        Assert.True(pair.CanChoose);
    }

    [Fact]
    public void The_conversation_goes_on_with_answer_a_until_the_student_prefers_b()
    {
        var pair = AbPair.Create(Plan, "conv-1", "q", "information-search", championFirst: false);
        Finish(pair.A, Start("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", "bbbbbbbbbbbbbbb1", 3, PromptAliases.Challenger), "answer A");
        Finish(pair.B, Start("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2", "bbbbbbbbbbbbbbb2", 1, PromptAliases.Champion), "answer B");
        var turn = new ChatTurnView("q") { Ab = pair };

        turn.Keep(pair.Kept);
        Assert.Equal("answer A", ChatSession.History([turn])[1].Content);
        Assert.Equal(("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", 3, TurnStatus.Done), (turn.TraceId, turn.PromptVersion, turn.Status));

        pair.Choice = AbChoice.B;
        turn.Keep(pair.Kept);
        Assert.Equal("answer B", ChatSession.History([turn])[1].Content);
        Assert.Equal("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa2", turn.TraceId);
    }

    [Fact]
    public void No_preference_is_asked_for_while_an_answer_is_unfinished_or_failed()
    {
        var pair = AbPair.Create(Plan, "conv-1", "q", "information-search", championFirst: true);
        Finish(pair.A, Start("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa1", "bbbbbbbbbbbbbbb1", 1, PromptAliases.Champion), "a");
        Assert.False(pair.CanChoose);

        ChatSession.Apply(pair.B, new ErrorEvent("generation", "boom", "The model failed."));
        Assert.True(pair.BothFinished);
        Assert.False(pair.CanChoose);
    }

    [Fact]
    public void An_ab_turn_starts_two_root_traces_linked_to_each_other_with_their_aliases()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == WebTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var ambient = new Activity("circuit").Start();

        var (champion, challenger) = WebTelemetry.StartAbChatTurns("information-search", "conv-1", "pseudo");
        using (champion)
        using (challenger)
        {
            Assert.Same(ambient, Activity.Current);
            Assert.NotNull(champion);
            Assert.NotNull(challenger);
            Assert.All([champion, challenger], a =>
            {
                Assert.Equal(WebTelemetry.ChatTurnSpan, a.DisplayName);
                Assert.Equal(default, a.ParentSpanId);
                Assert.NotEqual(ambient.TraceId, a.TraceId);
                Assert.Equal(true, a.GetTagItem(WebTelemetry.AbTestAttribute));
                Assert.Equal("conv-1", a.GetTagItem("canopy.conversation.id"));
                Assert.Equal("information-search", a.GetTagItem("canopy.feature"));
                Assert.Equal("pseudo", a.GetTagItem(Pseudonyms.Attribute));
                Assert.Contains(a.Links, l => l.Context.SpanId == ambient.SpanId);
            });
            Assert.NotEqual(champion.TraceId, challenger.TraceId);
            Assert.Equal(PromptAliases.Champion, champion.GetTagItem(WebTelemetry.PromptAliasAttribute));
            Assert.Equal(PromptAliases.Challenger, challenger.GetTagItem(WebTelemetry.PromptAliasAttribute));
            Assert.Contains(champion.Links, l => l.Context.SpanId == challenger.SpanId && l.Context.TraceId == challenger.TraceId);
            Assert.Contains(challenger.Links, l => l.Context.SpanId == champion.SpanId && l.Context.TraceId == champion.TraceId);
        }
    }

    [Theory]
    [InlineData(AbWinners.Challenger, "Challenger is better")]
    [InlineData(AbWinners.Champion, "Champion is better")]
    [InlineData("unclear", "No clear winner yet")]
    public void Verdicts_are_said_in_words(string verdict, string words) => Assert.Equal(words, AbResultText.Verdict(verdict));

    [Fact]
    public void The_challengers_share_is_shown_with_its_interval()
    {
        Assert.Equal("75% (95% interval: 30%–95%)", AbResultText.Share(new AbTestResult("f", 1, 2, 1, 3, 0, 4, 0.75, 0.3006, 0.9544, "unclear")));
        Assert.Equal("No decided votes yet", AbResultText.Share(new AbTestResult("f", 1, 2, 0, 0, 2, 2, null, null, null, "unclear")));
    }

    [Fact]
    public void A_refused_promotion_and_validation_problems_are_shown_in_canopy_bes_words()
    {
        Assert.Equal("v2 scored below the champion.",
            PromptsClient.Describe(HttpStatusCode.Conflict, """{"title":"Conflict","status":409,"detail":"v2 scored below the champion."}"""));
        Assert.Equal("A system prompt is required. The temperature is between 0 and 2.",
            PromptsClient.Describe(HttpStatusCode.BadRequest, """{"errors":{"systemPrompt":["A system prompt is required."],"temperature":["The temperature is between 0 and 2."]}}"""));
        Assert.Equal(PromptsClient.InstructorsOnly, PromptsClient.Describe(HttpStatusCode.Forbidden, ""));
        Assert.Null(ProblemText.Of("not json"));
    }

    private static StartEvent Start(string traceId, string spanId, int version, string alias) =>
        new(traceId, spanId, "conv-1", "information-search", 512, "extractive", "extractive", true, null, version, alias);

    private static void Finish(ChatTurnView answer, StartEvent start, string text)
    {
        ChatSession.Apply(answer, start);
        ChatSession.Apply(answer, new DeltaEvent(text));
        ChatSession.Apply(answer, new DoneEvent("stop", new TokenUsage(1, 1), new StageTimings(null, null, null, null, null, null, 1)));
    }
}
