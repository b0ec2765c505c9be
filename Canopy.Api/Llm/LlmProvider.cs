namespace Canopy.Api.Llm;

/// <summary>The provider canopy-be answers with, and why, when it is not the configured one.</summary>
public sealed record LlmProvider(string Name, string Model, string? Notice = null)
{
    public bool IsExtractive => Name == ExtractiveChatClient.ProviderName;
}
