using Canopy.Web.Chat;

namespace Canopy.Web.Conversations;

/// <summary>One conversation of the browser: its turns, in order, and a title taken from its first question.</summary>
public sealed class ConversationView(string id)
{
    private const int TitleLength = 60;

    public string Id { get; } = id;
    public List<ChatTurnView> Turns { get; } = [];
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string Title => Turns.FirstOrDefault()?.AskedQuestion is { } q
        ? (q.Length <= TitleLength ? q : q[..TitleLength].TrimEnd() + "…")
        : "New conversation";

    public static ConversationView New() => new(Guid.NewGuid().ToString("N"));
}
