using Canopy.Rag.Ingestion;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;

namespace Canopy.UnitTests.Rag;

[Collection(MiniLmCollection.Name)]
public sealed class IndexAndSearchTests(MiniLmFixture model)
{
    [Theory]
    [InlineData("hybrid")]
    [InlineData("vector")]
    [InlineData("keyword")]
    public async Task Entanglement_question_ranks_the_entanglement_lecture_notes_first(string method)
    {
        var rag = await model.CorpusAsync();

        var response = await rag.Search.SearchAsync("Explain quantum entanglement", 5, new SearchFilter(), method, CancellationToken.None);

        Assert.Equal(5, response.Results.Count);
        Assert.Equal("lecture-notes-quantum-entanglement", response.Results[0].DocumentId);
        Assert.Equal(Enumerable.Range(1, 5), response.Results.Select(r => r.Rank));
        Assert.True(response.Results.Zip(response.Results.Skip(1)).All(p => p.First.Score >= p.Second.Score), "scores are in rank order");
    }

    [Fact]
    public async Task Restarting_on_the_same_index_file_embeds_nothing_again()
    {
        var first = await model.CorpusAsync();
        Assert.All(model.CorpusOutcomes, o => Assert.Equal(IngestionOutcome.Ingested, o));
        var firstPassTexts = first.Embeddings.TextsEmbedded;

        // A second index over the same file is what canopy-rag opens after a restart.
        using var restarted = new RagHarness(model, first.DataPath);
        await restarted.Index.InitializeAsync(CancellationToken.None);
        var again = await restarted.IngestCorpusAsync();

        Assert.True(firstPassTexts > 100, $"the corpus has {firstPassTexts} chunks");
        Assert.All(again, o => Assert.Equal(IngestionOutcome.Unchanged, o));
        Assert.Equal(0, restarted.Embeddings.TextsEmbedded);
        var hits = await restarted.Search.SearchAsync("leaf area index", 3, new SearchFilter(), "vector", CancellationToken.None);
        Assert.Equal("lecture-notes-forest-canopies", hits.Results[0].DocumentId);
    }

    [Fact]
    public async Task Changing_a_document_replaces_its_chunks_and_nothing_else()
    {
        using var rag = new RagHarness(model);
        var original = MarkdownDocumentReader.Read("notes", "documents/notes.md", "# Notes\n\nThe library opens at nine.\n\n## Rooms\n\nRoom B12 is quiet.", "v1");
        var other = MarkdownDocumentReader.Read("other", "documents/other.md", "# Other\n\nThe canteen serves soup.", "v1");
        await rag.Ingestor.IngestAsync(original, CancellationToken.None);
        await rag.Ingestor.IngestAsync(other, CancellationToken.None);
        var embeddedBefore = rag.Embeddings.TextsEmbedded;

        var edited = MarkdownDocumentReader.Read("notes", "documents/notes.md", "# Notes\n\nThe library opens at ten on Sundays.", "v1");
        Assert.Equal(IngestionOutcome.Ingested, await rag.Ingestor.IngestAsync(edited, CancellationToken.None));

        Assert.Equal(embeddedBefore + 1, rag.Embeddings.TextsEmbedded);
        var documents = await rag.Index.ListDocumentsAsync(CancellationToken.None);
        Assert.Equal(1, documents.Single(d => d.Id == "notes").ChunkCount);
        var hits = await rag.Search.SearchAsync("When does the library open?", 5, new SearchFilter(), "hybrid", CancellationToken.None);
        Assert.DoesNotContain(hits.Results, h => h.Text.Contains("B12"));
        Assert.Contains(hits.Results, h => h.Text.Contains("ten on Sundays"));
        Assert.Contains(hits.Results, h => h.DocumentId == "other");
    }

    [Fact]
    public async Task A_course_filter_keeps_only_that_course()
    {
        var rag = await model.CorpusAsync();

        var response = await rag.Search.SearchAsync("What are the assessment weights?", 8, new SearchFilter(Courses: ["ENVS-120"]), "hybrid", CancellationToken.None);

        Assert.NotEmpty(response.Results);
        Assert.All(response.Results, r => Assert.Equal("ENVS-120", r.Course));
    }

    [Fact]
    public async Task Deleting_a_document_removes_it_from_both_retrievers()
    {
        using var rag = new RagHarness(model);
        await rag.Ingestor.IngestAsync(MarkdownDocumentReader.Read("zebra", "documents/zebra.md", "# Zebras\n\nZebras have black and white stripes.", "v1"), CancellationToken.None);

        Assert.True(await rag.Index.DeleteDocumentAsync("zebra", CancellationToken.None));

        Assert.Empty((await rag.Search.SearchAsync("zebra stripes", 5, new SearchFilter(), "keyword", CancellationToken.None)).Results);
        Assert.Empty((await rag.Search.SearchAsync("zebra stripes", 5, new SearchFilter(), "vector", CancellationToken.None)).Results);
        Assert.False(await rag.Index.DeleteDocumentAsync("zebra", CancellationToken.None));
    }
}
