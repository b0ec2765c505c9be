using Microsoft.Extensions.AI;

namespace Canopy.Api.Llm.Embedded;

/// <summary>
/// Sends a request to the embedded model once it is ready, unless the request was planned as extractive (announced so
/// at its start, before the model was ready); every other request goes to the extractive client.
/// </summary>
public sealed class EmbeddedRouterChatClient(EmbeddedModelHost host, IChatClient extractive) : IChatClient
{
    public IChatClient Select(ChatOptions? options) =>
        options?.ModelId != ExtractiveChatClient.ModelName && host.Client is { } llama ? llama : extractive;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Select(options).GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Select(options).GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : (host.Client ?? extractive).GetService(serviceType, serviceKey);

    public void Dispose() => extractive.Dispose();
}
