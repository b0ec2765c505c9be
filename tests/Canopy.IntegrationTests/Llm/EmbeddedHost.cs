using Canopy.TestUtilities.Files;
using System.Security.Cryptography;
using Canopy.Api.Features;
using Canopy.Api.Llm;
using Canopy.Api.Llm.Embedded;
using Canopy.Contracts.Search;

namespace Canopy.IntegrationTests.Llm;

/// <summary>canopy-be's LLM registration (<c>AddLlm</c> with <c>Canopy:Llm=embedded</c>) in a real host with a temporary cache directory.</summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    public const string ModelName = "canopy-tiny-test";

    private EmbeddedHost(IHost host, string directory)
    {
        Host = host;
        CacheDirectory = directory;
    }

    public IHost Host { get; }
    public string CacheDirectory { get; }
    public IServiceProvider Services => Host.Services;
    public ModelStatusSnapshot Status => Services.GetRequiredService<ModelStatus>().Current;

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static async Task<EmbeddedHost> StartAsync(Uri modelUrl, string sha256, string? cacheDirectory = null)
    {
        var directory = cacheDirectory ?? TestDirectory.Create("canopy-llm-");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = directory, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Canopy:Llm"] = "embedded",
            ["Canopy:Llm:Embedded:ModelUrl"] = modelUrl.ToString(),
            ["Canopy:Llm:Embedded:Sha256"] = sha256,
            ["Canopy:Llm:Embedded:ModelName"] = ModelName,
            ["Canopy:Llm:Embedded:CacheDirectory"] = Path.Combine(directory, "models"),
            ["Canopy:Llm:Embedded:ContextSize"] = "2048",
            // One thread: on a shared two-core machine a second spinning llama.cpp thread only slows the tiny model down.
            ["Canopy:Llm:Embedded:Threads"] = "1",
            ["Canopy:Llm:Embedded:RetryDelay"] = "00:00:00",
            ["Canopy:Generation:MaxOutputTokens"] = "24",
            ["Canopy:Generation:ContextTokens"] = "2048",
        });
        builder.AddFeatures();
        builder.AddLlm();
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<EmbeddedModelHost>().Settled;
        return new EmbeddedHost(host, directory);
    }

    /// <summary>The provider a request would be announced with.</summary>
    public LlmProvider Provider => Services.GetRequiredService<ILlmProviderAccessor>().Current;

    /// <summary>Generates an answer as the chat pipeline does for the default feature.</summary>
    public Task<GenerationResult> GenerateAsync(string question, IReadOnlyList<Passage> passages, Func<string, Task> onDelta)
    {
        var request = new GenerationRequest(Provider, FeatureCatalog.Default, Services.GetRequiredService<FeatureCatalog>().Get(FeatureCatalog.Default), question, passages, []);
        return Services.GetRequiredService<AnswerGenerator>().GenerateAsync(request, onDelta, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
