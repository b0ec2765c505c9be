namespace Canopy.Api.Llm;

/// <summary>A model-independent token estimate (about four characters a token in English) for budgets and the extractive provider.</summary>
public static class TokenEstimate
{
    public static int Of(string? text) => string.IsNullOrEmpty(text) ? 0 : Math.Max(1, (text.Length + 3) / 4);
}
