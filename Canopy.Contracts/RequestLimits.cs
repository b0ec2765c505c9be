namespace Canopy.Contracts;

/// <summary>
/// The request limits every Canopy service enforces, kept in one place so that canopy-be never accepts (and forwards)
/// what canopy-rag would refuse, and the UI never lets a student type what canopy-be would refuse.
/// </summary>
public static class RequestLimits
{
    /// <summary>Longest search query canopy-rag accepts; a chat message of a feature that retrieves becomes that query.</summary>
    public const int MaxSearchQueryLength = 4_000;

    /// <summary>Longest chat message of a feature that does not retrieve (summarize reads whole texts).</summary>
    public const int MaxMessageLength = 32_000;

    /// <summary>Earlier turns sent with a chat message.</summary>
    public const int MaxHistoryTurns = 50;

    /// <summary>Longest content of one earlier turn.</summary>
    public const int MaxHistoryContentLength = 32_000;

    public const int MaxConversationIdLength = 100;

    /// <summary>Answers to the student assistant's confirmations in one chat request.</summary>
    public const int MaxToolConfirmations = 10;

    /// <summary>How many passages one search may return.</summary>
    public const int MinTopK = 1;
    public const int MaxTopK = 50;

    /// <summary>Course or document filters on one search, and the length of each.</summary>
    public const int MaxSearchFilters = 50;
    public const int MaxSearchFilterLength = 200;

    /// <summary>Feedback on one answer.</summary>
    public const int MaxFeedbackComment = 2_000;
    public const int MaxFeedbackPrompt = MaxMessageLength;
    public const int MaxFeedbackAnswer = 32_000;

    /// <summary>OpenAI-compatible completions: sampling temperature and top_p ranges, and the choices Canopy can give.</summary>
    public const float MinTemperature = 0f;
    public const float MaxTemperature = 2f;
    public const float MinTopP = 0f;
    public const float MaxTopP = 1f;
    public const int MaxChoices = 1;

    /// <summary>Most output tokens one completion may ask for (OpenAI's max_tokens / max_completion_tokens).</summary>
    public const int MaxCompletionTokens = 32_768;
}
