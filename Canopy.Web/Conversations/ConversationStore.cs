using System.Text.Json;
using Microsoft.JSInterop;

namespace Canopy.Web.Conversations;

/// <summary>Keeps the browser's conversations in its localStorage (through wwwroot/chat.js), newest first.</summary>
public sealed class ConversationStore(IJSRuntime js, ILogger<ConversationStore> logger)
{
    public const string Key = "canopy.conversations.v1";
    public const int MaxConversations = 30;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ConversationView>> LoadAsync()
    {
        var json = await js.InvokeAsync<string?>("canopy.storage.get", Key);
        return Parse(json, logger);
    }

    public async Task SaveAsync(IEnumerable<ConversationView> conversations)
    {
        try
        {
            await js.InvokeVoidAsync("canopy.storage.set", Key, Serialize(conversations));
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone; there is no storage left to write to.
        }
    }

    internal static string Serialize(IEnumerable<ConversationView> conversations) => JsonSerializer.Serialize(
        conversations.Where(c => c.Turns.Count > 0).OrderByDescending(c => c.UpdatedAt).Take(MaxConversations).Select(StoredConversation.From), Json);

    /// <summary>Unreadable storage (an older format, a hand edit) starts an empty list rather than breaking the page.</summary>
    internal static IReadOnlyList<ConversationView> Parse(string? json, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            return [.. (JsonSerializer.Deserialize<StoredConversation[]>(json, Json) ?? []).Where(c => c?.Id is not null).Select(c => c.ToView())];
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Stored conversations could not be read; starting afresh");
            return [];
        }
    }
}
