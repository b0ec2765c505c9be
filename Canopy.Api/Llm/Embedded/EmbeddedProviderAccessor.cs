namespace Canopy.Api.Llm.Embedded;

/// <summary>The embedded model while it is ready; the extractive provider with a notice saying why while it is not.</summary>
public sealed class EmbeddedProviderAccessor(EmbeddedModelHost host, ModelStatus status) : ILlmProviderAccessor
{
    public LlmProvider Current => host.Client is { } llama
        ? new LlmProvider(EmbeddedLlamaChatClient.ProviderName, host.ModelName, new ModelAnswerer(llama))
        : ExtractiveAnswerer.Provider(Notice(status.Current));

    public static string Notice(ModelStatusSnapshot snapshot) => snapshot.State == ModelState.Failed
        ? $"{snapshot.Describe()} Answers are extracts of the course documents instead."
        : $"{snapshot.Describe()} Until it is ready, answers are extracts of the course documents.";
}
