using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Rag;

/// <summary>A hybrid search reads text only for the chunks it answers with, and a chunk deleted meanwhile gives way to the next.</summary>
public sealed class HybridReadingTests : IDisposable
{
    private readonly GraphLibrary _library = new();

    [Fact]
    public async Task A_hybrid_search_reads_only_the_chunks_it_returns()
    {
        using var index = _library.Open();
        await _library.WriteAsync(index, 0, 30);
        var reading = new ReadingIndex(index);

        var response = await Search(reading).SearchAsync("paragraph topic7", 5, new SearchFilter(), "hybrid", CancellationToken.None);

        Assert.Equal(5, response.Results.Count);
        Assert.Equal(5, reading.Read);
        Assert.True(reading.Found > 50, "both retrievers offered their candidates");
    }

    [Fact]
    public async Task A_chunk_deleted_between_search_and_read_gives_way_to_the_next_candidate()
    {
        using var index = _library.Open();
        await _library.WriteAsync(index, 0, 30);
        var reading = new ReadingIndex(index) { DeleteFirstBeforeReading = true };

        var response = await Search(reading).SearchAsync("paragraph topic7", 5, new SearchFilter(), "hybrid", CancellationToken.None);

        Assert.NotNull(reading.Deleted);
        Assert.Equal(5, response.Results.Count);
        Assert.DoesNotContain(response.Results, p => p.DocumentId == reading.Deleted);
    }

    private SearchService Search(IVectorIndex index) =>
        new(index, new OneVectorEmbeddings(_library.Chunks["doc-7/0"].Vector), Options.Create(new SearchOptions()), reranker: null);

    public void Dispose() => _library.Dispose();

    // The real index, counting what is found and read; optionally deleting the best candidate's document just before reading.
    private sealed class ReadingIndex(SqliteVectorIndex inner) : DelegatingVectorIndex(inner)
    {
        public int Found { get; private set; }
        public int Read { get; private set; }
        public bool DeleteFirstBeforeReading { get; init; }
        public string? Deleted { get; private set; }

        public override async Task<IReadOnlyList<Candidate>> FindByVectorAsync(ReadOnlyMemory<float> query, int topK, SearchFilter filter, CancellationToken cancellationToken) =>
            Count(await inner.FindByVectorAsync(query, topK, filter, cancellationToken));

        public override async Task<IReadOnlyList<Candidate>> FindByKeywordsAsync(string query, int topK, SearchFilter filter, CancellationToken cancellationToken) =>
            Count(await inner.FindByKeywordsAsync(query, topK, filter, cancellationToken));

        public override async Task<IReadOnlyList<Candidate>> ReadAsync(IReadOnlyList<Candidate> candidates, CancellationToken cancellationToken)
        {
            if (DeleteFirstBeforeReading && Deleted is null && candidates.Count > 0)
            {
                Deleted = (await inner.ReadAsync([candidates[0]], cancellationToken))[0].Chunk!.DocumentId;
                Assert.True(await inner.DeleteDocumentAsync(Deleted, cancellationToken));
            }
            Read += candidates.Count;
            return await inner.ReadAsync(candidates, cancellationToken);
        }

        private IReadOnlyList<Candidate> Count(IReadOnlyList<Candidate> found)
        {
            Found += found.Count;
            return found;
        }
    }
}
