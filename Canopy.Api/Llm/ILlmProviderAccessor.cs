namespace Canopy.Api.Llm;

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
