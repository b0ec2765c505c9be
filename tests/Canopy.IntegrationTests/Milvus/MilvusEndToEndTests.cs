using Canopy.Rag.VectorStore;
using Canopy.Rag.VectorStore.Milvus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.IntegrationTests.Milvus;

/// <summary>Runs against a real Milvus 2.5 when CANOPY_TEST_MILVUS holds its connection string.</summary>
public sealed class MilvusEndToEndTests
{
    private const string Variable = "CANOPY_TEST_MILVUS";

    [SkippableFact]
    public async Task Replace_search_and_delete_against_a_real_milvus()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        Skip.If(string.IsNullOrWhiteSpace(connectionString), "CANOPY_TEST_MILVUS is not set: no Milvus reachable here");

        var options = new MilvusOptions { CollectionName = "canopy_test_" + Guid.NewGuid().ToString("N")[..12] };
        var client = new MilvusRestClient(new HttpClient(), MilvusConnectionString.Parse(connectionString), Options.Create(options));
        using var index = new MilvusVectorIndex(client, Options.Create(options), NullLogger<MilvusVectorIndex>.Instance);
        var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;
        try
        {
            await index.InitializeAsync(cancellation);
            Assert.True(index.SupportsFullTextSearch, "Milvus 2.5 or later should accept the BM25 schema");

            IndexedChunk[] chunks =
            [
                MilvusTestServer.Chunk("e2e-c0", "e2e-doc", 0, "Photosynthesis turns light into chemical energy in leaves.", seed: 100),
                MilvusTestServer.Chunk("e2e-c1", "e2e-doc", 1, "Mitochondria are the powerhouse of the eukaryotic cell.", seed: 100),
                MilvusTestServer.Chunk("e2e-c2", "e2e-doc", 2, "Canopy layers shelter understory plants from direct sun.", seed: 100),
            ];
            await index.ReplaceDocumentAsync(MilvusTestServer.Document("e2e-doc", hash: "v1"), chunks, cancellation);

            var stored = await index.GetDocumentAsync("e2e-doc", cancellation);
            Assert.Equal("v1", stored?.ContentHash);
            Assert.Equal(3, stored?.ChunkCount);
            Assert.Contains(await index.ListDocumentsAsync(cancellation), d => d.Id == "e2e-doc");

            var nearest = await index.SearchVectorAsync(chunks[2].Vector, 3, new SearchFilter(), cancellation);
            Assert.Equal(3, nearest.Count);
            Assert.Equal("e2e-c2", nearest[0].Chunk.Id);
            Assert.True(nearest[0].Score > 0.99, $"self-similarity was {nearest[0].Score}");
            Assert.Equal(chunks[2].Text, nearest[0].Chunk.Text);

            var otherCourse = await index.SearchVectorAsync(chunks[0].Vector, 3, new SearchFilter(["ENVS-120"]), cancellation);
            Assert.Empty(otherCourse);
            var sameCourse = await index.SearchVectorAsync(chunks[0].Vector, 3, new SearchFilter(["cs-230"]), cancellation);
            Assert.Equal(3, sameCourse.Count);

            var keyword = await index.SearchKeywordsAsync("mitochondria", 3, new SearchFilter(), cancellation);
            Assert.Equal("e2e-c1", Assert.Single(keyword).Chunk.Id);

            await index.ReplaceDocumentAsync(MilvusTestServer.Document("e2e-doc", hash: "v2"), chunks[..2], cancellation);
            var afterReplace = await index.SearchVectorAsync(chunks[2].Vector, 5, new SearchFilter(), cancellation);
            Assert.DoesNotContain(afterReplace, h => h.Chunk.Id == "e2e-c2");
            Assert.Equal("v2", (await index.GetDocumentAsync("e2e-doc", cancellation))?.ContentHash);

            Assert.True(await index.DeleteDocumentAsync("e2e-doc", cancellation));
            Assert.Null(await index.GetDocumentAsync("e2e-doc", cancellation));
            Assert.Empty(await index.SearchVectorAsync(chunks[0].Vector, 5, new SearchFilter(), cancellation));
            Assert.Empty(await index.SearchKeywordsAsync("mitochondria", 5, new SearchFilter(), cancellation));
        }
        finally
        {
            await DropQuietlyAsync(client, options.CollectionName);
            await DropQuietlyAsync(client, options.DocumentsCollectionName);
        }
    }

    // Cleanup must not hide the failure that brought the test here.
    private static async Task DropQuietlyAsync(MilvusRestClient client, string collection)
    {
        try
        {
            await client.DropCollectionAsync(collection, CancellationToken.None);
        }
        catch (MilvusException)
        {
        }
    }
}
