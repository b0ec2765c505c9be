namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Creates the two collections when missing, checks an existing one fits, and waits until Milvus has loaded them.</summary>
internal sealed class MilvusCollections(MilvusRestClient client, MilvusOptions options, ILogger logger)
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(2);

    /// <summary>Makes sure the chunk collection exists; returns whether it supports BM25 full-text search.</summary>
    public async Task<bool> EnsureChunksAsync(CancellationToken cancellationToken)
    {
        var name = options.CollectionName;
        if (!await client.HasCollectionAsync(name, cancellationToken))
            await CreateChunksAsync(name, cancellationToken);

        var description = await client.DescribeCollectionAsync(name, cancellationToken);
        var dimensions = MilvusCollectionDescription.Dimensions(description, MilvusSchema.Vector);
        if (dimensions is { } dim && dim != options.Dimensions)
            throw new InvalidOperationException(
                $"Milvus collection '{name}' holds {dim}-dimensional vectors but the embedding model gives {options.Dimensions}; " +
                $"drop the collection or set Canopy:Milvus:CollectionName to a new one.");

        var fullText = MilvusCollectionDescription.HasFullTextSearch(description);
        if (!fullText)
            logger.LogWarning("Milvus collection {Collection} has no BM25 field: keyword search returns nothing until it is recreated on Milvus 2.5 or later", name);
        return fullText;
    }

    public async Task EnsureDocumentsAsync(CancellationToken cancellationToken)
    {
        var name = options.DocumentsCollectionName;
        if (await client.HasCollectionAsync(name, cancellationToken)) return;
        try
        {
            await client.CreateCollectionAsync(MilvusSchema.Documents(name), cancellationToken);
            logger.LogInformation("Created Milvus collection {Collection}", name);
        }
        catch (MilvusException ex) when (ex.IsRefusal)
        {
            // Another instance may have created it in the meantime.
            if (!await client.HasCollectionAsync(name, cancellationToken)) throw;
        }
    }

    /// <summary>Asks Milvus to load a collection and polls until it is searchable.</summary>
    public async Task LoadAsync(string name, CancellationToken cancellationToken)
    {
        await client.LoadCollectionAsync(name, cancellationToken);
        var deadline = DateTimeOffset.UtcNow + options.LoadTimeout;
        var delay = FirstPoll;
        while (true)
        {
            var state = await client.GetLoadStateAsync(name, cancellationToken);
            if (state == "LoadStateLoaded") return;
            if (state == "LoadStateNotExist")
                throw new InvalidOperationException($"Milvus collection '{name}' vanished while it was being loaded.");
            if (DateTimeOffset.UtcNow >= deadline)
                throw new TimeoutException($"Milvus did not load collection '{name}' within {options.LoadTimeout} (state {state}).");
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestPoll.Ticks));
        }
    }

    private async Task CreateChunksAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CreateCollectionAsync(MilvusSchema.Chunks(name, options.Dimensions, fullText: true), cancellationToken);
            logger.LogInformation("Created Milvus collection {Collection} with BM25 full-text search", name);
        }
        catch (MilvusException ex) when (ex.IsRefusal)
        {
            if (await client.HasCollectionAsync(name, cancellationToken))
            {
                // Created by another instance meanwhile: keep it.
                var description = await client.DescribeCollectionAsync(name, cancellationToken);
                if (MilvusCollectionDescription.HasFullTextSearch(description)) return;
                // Canopy never drops a collection: it may hold another deployment's chunks.
                throw new InvalidOperationException(
                    $"Milvus refused collection '{name}' with BM25 full-text search ({ex.Message}) and a collection of that name without BM25 exists; " +
                    $"drop it yourself or set Canopy:Milvus:CollectionName to a new one.", ex);
            }
            // Only a server that cannot do BM25 gets a collection without it; any other refusal (a quota, a permission) stops start-up.
            if (!ex.IsFullTextUnsupported) throw;
            logger.LogWarning(ex, "Milvus cannot do BM25 full-text search; creating {Collection} without it (keyword search will return nothing)", name);
            await client.CreateCollectionAsync(MilvusSchema.Chunks(name, options.Dimensions, fullText: false), cancellationToken);
        }
    }
}
