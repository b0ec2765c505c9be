using System.Diagnostics;
using Canopy.Contracts.Prompts;

namespace Canopy.Web;

/// <summary>The activity source of canopy-ui; <c>chat-turn</c> is the root span of every question.</summary>
public static class WebTelemetry
{
    public const string SourceName = "Canopy.Web";
    public const string ChatTurnSpan = "chat-turn";
    public const string PromptAliasAttribute = "canopy.prompt.alias";
    public const string PromptVersionAttribute = "canopy.prompt.version";
    public const string AbTestAttribute = "canopy.ab.test";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts <c>chat-turn</c> as the root of a new trace, linked to (not parented by) whatever long-lived
    /// circuit activity is current, so each question is its own trace.
    /// </summary>
    public static Activity? StartChatTurn(string feature, string conversationId, string? userPseudoId)
    {
        var ambient = Activity.Current;
        return StartRoot(feature, conversationId, userPseudoId, ambient is null ? [] : [new ActivityLink(ambient.Context)]);
    }

    /// <summary>
    /// Starts the two <c>chat-turn</c> roots of an A/B turn: two traces, one per prompt alias, linked to each other (and, like
    /// <see cref="StartChatTurn"/>, to the ambient activity). Neither becomes current: each answer's own flow makes its turn current.
    /// </summary>
    public static (Activity? Champion, Activity? Challenger) StartAbChatTurns(string feature, string conversationId, string? userPseudoId)
    {
        var ambient = Activity.Current;
        ActivityLink[] outer = ambient is null ? [] : [new ActivityLink(ambient.Context)];
        try
        {
            var champion = StartRoot(feature, conversationId, userPseudoId, outer);
            var challenger = StartRoot(feature, conversationId, userPseudoId, champion is null ? outer : [.. outer, new ActivityLink(champion.Context)]);
            if (challenger is not null) champion?.AddLink(new ActivityLink(challenger.Context));
            Tag(champion, PromptAliases.Champion);
            Tag(challenger, PromptAliases.Challenger);
            return (champion, challenger);
        }
        finally
        {
            Activity.Current = ambient;
        }

        static void Tag(Activity? turn, string alias)
        {
            turn?.SetTag(PromptAliasAttribute, alias);
            turn?.SetTag(AbTestAttribute, true);
        }
    }

    private static Activity? StartRoot(string feature, string conversationId, string? userPseudoId, ActivityLink[] links)
    {
        Activity.Current = null;
        var activity = Source.StartActivity(ChatTurnSpan, ActivityKind.Internal, parentContext: default, links: links.Length == 0 ? null : links);
        activity?.SetTag("canopy.feature", feature);
        activity?.SetTag("canopy.conversation.id", conversationId);
        activity?.SetTag("gen_ai.conversation.id", conversationId);
        activity?.SetTag(Pseudonyms.Attribute, userPseudoId);
        return activity;
    }
}
