using Canopy.Contracts.Documents;
using Canopy.Rag.Documents;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.DependencyInjection;

namespace Canopy.IntegrationTests.Ingestion;

/// <summary>A document's status and what search finds agree: written to the index means listed as ready.</summary>
public sealed class DocumentStatusConsistencyTests(DocumentStatusConsistencyTests.HeldWritesFactory factory)
    : IClassFixture<DocumentStatusConsistencyTests.HeldWritesFactory>
{
    private const string DocumentId = "field-trip-txt";

    [Fact]
    public async Task A_document_whose_write_has_landed_is_listed_ready_never_still_ingesting()
    {
        factory.CreateClient().Dispose(); // starts the service and its worker
        Directory.CreateDirectory(factory.DocumentsPath);
        var staged = Path.Combine(factory.DataPath, "staged.txt");
        await File.WriteAllTextAsync(staged, "The field trip to the redwood grove leaves from the east car park at eight.");
        File.Move(staged, Path.Combine(factory.DocumentsPath, "field-trip.txt"));

        // The index now holds the document; the worker has not yet completed its queue entry.
        await factory.Index.Written.Task.WaitAsync(RagClient.Deadline);
        var catalog = factory.Services.GetRequiredService<DocumentCatalog>();
        var listing = catalog.GetAsync(DocumentId, CancellationToken.None);
        var completedWhileHeld = listing.IsCompleted;
        factory.Index.Release.SetResult();
        var document = await listing.WaitAsync(RagClient.Deadline);

        Assert.False(completedWhileHeld, "The listing read the queue and the index between a write and its job's completion.");
        Assert.Equal(DocumentStatus.Ready, document!.Status);
    }

    /// <summary>canopy-rag whose index holds the test document's write open until the test releases it.</summary>
    public sealed class HeldWritesFactory : RagServiceFactory
    {
        public HeldIndex Index { get; private set; } = null!;

        protected override void ConfigureServices(IServiceCollection services)
        {
            services.AddSingleton<SqliteVectorIndex>();
            services.AddSingleton<IVectorIndex>(sp => Index = new HeldIndex(sp.GetRequiredService<SqliteVectorIndex>()));
        }
    }

    /// <summary>The real index; after writing the test document it waits for <see cref="Release"/> before returning.</summary>
    public sealed class HeldIndex(SqliteVectorIndex inner) : DelegatingVectorIndex(inner)
    {
        public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async Task ReplaceDocumentAsync(IndexedDocument document, IReadOnlyList<IndexedChunk> chunks, CancellationToken cancellationToken)
        {
            await Inner.ReplaceDocumentAsync(document, chunks, cancellationToken);
            if (document.Id != DocumentId) return;
            Written.TrySetResult();
            await Release.Task;
        }
    }
}
