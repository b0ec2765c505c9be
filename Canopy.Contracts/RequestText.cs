namespace Canopy.Contracts;

/// <summary>What text a request may carry: no control characters (tab and line breaks aside) and no lone surrogates.</summary>
public static class RequestText
{
    /// <summary>Why <paramref name="text"/> is refused, or null when it is acceptable.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"contains invalid Unicode (a lone surrogate U+{(int)c:X4} at position {i}).";
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return $"contains a control character (U+{(int)c:X4} at position {i}).";
        }
        return null;
    }
}
