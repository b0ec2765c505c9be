namespace Canopy.Api.Llm;

/// <summary>
/// The provider a turn answers with, resolved once at the start of the turn and passed down: its name and model for the
/// start event and the spans, the answerer that writes the answer, and why, when it is not the configured one.
/// </summary>
public sealed record LlmProvider(string Name, string Model, IAnswerer Answerer, string? Notice = null, bool CallsTools = false)
{
    public bool IsExtractive => Answerer is ExtractiveAnswerer;
}

/// <summary>The provider that answers right now (it can change, e.g. once an embedded model has loaded).</summary>
public interface ILlmProviderAccessor
{
    LlmProvider Current { get; }
}

/// <summary>A provider fixed at startup (extractive, vllm, endpoint).</summary>
public sealed class FixedLlmProviderAccessor(LlmProvider provider) : ILlmProviderAccessor
{
    public LlmProvider Current => provider;
}
