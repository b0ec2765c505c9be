using Canopy.Contracts.Experiments;
using Canopy.Contracts.Prompts;

namespace Canopy.Web.Chat;

/// <summary>The student's verdict on a pair, by the labels they saw.</summary>
public enum AbChoice { A, B, Same }

/// <summary>
/// One question answered twice for an A/B test: by the champion and the challenger prompt, shown as "Answer A" and
/// "Answer B" in an order chosen at random, so the student cannot tell which is which. Knows how to map the choice back.
/// </summary>
public sealed class AbPair
{
    private AbPair(AbTestPlan plan, string conversationId, ChatTurnView a, ChatTurnView b, bool championFirst)
    {
        Plan = plan;
        ConversationId = conversationId;
        A = a;
        B = b;
        ChampionFirst = championFirst;
    }

    public AbTestPlan Plan { get; }

    public string ConversationId { get; }

    /// <summary>The answer shown first, labelled "Answer A".</summary>
    public ChatTurnView A { get; }

    /// <summary>The answer shown second, labelled "Answer B".</summary>
    public ChatTurnView B { get; }

    /// <summary>Whether "Answer A" is the champion's; never shown.</summary>
    public bool ChampionFirst { get; }

    public ChatTurnView Champion => ChampionFirst ? A : B;
    public ChatTurnView Challenger => ChampionFirst ? B : A;

    /// <summary>The student's choice once canopy-be has stored it.</summary>
    public AbChoice? Choice { get; set; }

    public bool BothFinished => A.IsFinished && B.IsFinished;

    /// <summary>A preference is asked for only when both answers were written in full.</summary>
    public bool CanChoose => A.Status == TurnStatus.Done && B.Status == TurnStatus.Done && A.TraceId is not null && B.TraceId is not null;

    /// <summary>Extractive answers are quotes of passages: no prompt changes them.</summary>
    public bool Extractive => A.Extractive || B.Extractive;

    /// <summary>The answer that carries the conversation on: the one preferred, else "Answer A".</summary>
    public ChatTurnView Kept => Choice == AbChoice.B ? B : A;

    /// <param name="championFirst">Whether the champion is shown as "Answer A"; <see cref="Create(AbTestPlan, string, string, string, Random)"/> tosses a coin for it.</param>
    public static AbPair Create(AbTestPlan plan, string conversationId, string question, string feature, bool championFirst) =>
        new(plan, conversationId, new ChatTurnView(question, feature), new ChatTurnView(question, feature), championFirst);

    public static AbPair Create(AbTestPlan plan, string conversationId, string question, string feature, Random coin) =>
        Create(plan, conversationId, question, feature, championFirst: coin.Next(2) == 0);

    /// <summary>The alias each shown answer asks with.</summary>
    public string AliasOf(ChatTurnView answer) => answer == Champion ? PromptAliases.Champion : PromptAliases.Challenger;

    /// <summary>What canopy-be stores for a choice: champion, challenger or tie.</summary>
    public string Winner(AbChoice choice) => choice switch
    {
        AbChoice.A => ChampionFirst ? AbWinners.Champion : AbWinners.Challenger,
        AbChoice.B => ChampionFirst ? AbWinners.Challenger : AbWinners.Champion,
        _ => AbWinners.Tie,
    };

    /// <summary>The preference as canopy-be takes it: each answer by its version, trace and span (from its start event).</summary>
    public PreferenceRequest Preference(AbChoice choice) =>
        new(Ref(Champion, Plan.Champion), Ref(Challenger, Plan.Challenger), Winner(choice), ConversationId);

    private static AbAnswerRef Ref(ChatTurnView answer, int planned) => new(answer.PromptVersion ?? planned, answer.TraceId, answer.SpanId);
}
