using System.Diagnostics;

namespace Canopy.Web;

/// <summary>The activity source of canopy-ui; <c>chat-turn</c> is the root span of every question.</summary>
public static class WebTelemetry
{
    public const string SourceName = "Canopy.Web";
    public const string ChatTurnSpan = "chat-turn";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts <c>chat-turn</c> as the root of a new trace, linked to (not parented by) whatever long-lived
    /// circuit activity is current, so each question is its own trace.
    /// </summary>
    public static Activity? StartChatTurn(string feature, string conversationId, string? userPseudoId)
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        ActivityLink[]? links = ambient is null ? null : [new ActivityLink(ambient.Context)];
        var activity = Source.StartActivity(ChatTurnSpan, ActivityKind.Internal, parentContext: default, links: links);
        activity?.SetTag("canopy.feature", feature);
        activity?.SetTag("canopy.conversation.id", conversationId);
        activity?.SetTag("gen_ai.conversation.id", conversationId);
        activity?.SetTag(Pseudonyms.Attribute, userPseudoId);
        return activity;
    }
}
