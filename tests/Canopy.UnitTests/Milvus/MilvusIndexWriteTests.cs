using Canopy.Rag.VectorStore;

namespace Canopy.UnitTests.Milvus;

/// <summary>Replace, delete and the document records, in the order Milvus receives them.</summary>
public sealed class MilvusIndexWriteTests
{
    private static List<RecordedRequest> Entities(RecordingHandler handler) =>
        [.. handler.Requests.Where(r => r.Action.StartsWith("entities/", StringComparison.Ordinal))];

    [Fact]
    public async Task Replace_writes_chunks_then_deletes_stale_ones_then_writes_the_record()
    {
        var handler = MilvusTestServer.Ready();
        using var index = MilvusTestServer.Index(handler);
        IndexedChunk[] chunks =
        [
            MilvusTestServer.Chunk("c1", "doc-1", 0, "Arrays"),
            MilvusTestServer.Chunk("c2", "doc-1", 1, "Heaps"),
            MilvusTestServer.Chunk("c3", "doc-1", 2, "Graphs"),
        ];

        await index.ReplaceDocumentAsync(MilvusTestServer.Document("doc-1", hash: "sha-new"), chunks, CancellationToken.None);

        var writes = Entities(handler);
        Assert.Equal(["entities/upsert", "entities/delete", "entities/upsert"], writes.Select(r => r.Action));
        Assert.Equal(["canopy_chunks", "canopy_chunks", "canopy_chunks_documents"], writes.Select(r => r.Collection));

        var rows = writes[0].Body["data"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(["c1", "c2", "c3"], rows.Select(r => (string)r["id"]!));
        Assert.Equal("cs-230", (string?)rows[0]["course_key"]);
        Assert.Equal(384, rows[0]["vector"]!.AsArray().Count);
        Assert.Null(rows[0]["sparse"]);

        Assert.Equal("document_id == \"doc-1\" and id not in [\"c1\", \"c2\", \"c3\"]", (string?)writes[1].Body["filter"]);

        var record = writes[2].Body["data"]!.AsArray().Single()!.AsObject();
        Assert.Equal("doc-1", (string?)record["id"]);
        Assert.Equal("sha-new", (string?)record["content_hash"]);
        Assert.Equal(3, (int)record["chunk_count"]!);
        Assert.Equal("syllabus", (string?)record["kind"]);
    }

    [Fact]
    public async Task Replace_upserts_in_batches_before_the_delete()
    {
        var handler = MilvusTestServer.Ready();
        using var index = MilvusTestServer.Index(handler);
        var chunks = Enumerable.Range(0, 70).Select(i => MilvusTestServer.Chunk($"c{i}", "doc-1", i, $"Part {i}")).ToList();

        await index.ReplaceDocumentAsync(MilvusTestServer.Document("doc-1"), chunks, CancellationToken.None);

        var writes = Entities(handler);
        Assert.Equal(["entities/upsert", "entities/upsert", "entities/delete", "entities/upsert"], writes.Select(r => r.Action));
        Assert.Equal(70, writes.Take(2).Sum(w => w.Body["data"]!.AsArray().Count));
    }

    [Fact]
    public async Task An_interrupted_replace_never_writes_the_new_hash()
    {
        var handler = MilvusTestServer.Ready().On("entities/delete", """{"code":65535,"message":"delete failed"}""");
        using var index = MilvusTestServer.Index(handler);

        await Assert.ThrowsAsync<Canopy.Rag.VectorStore.Milvus.MilvusException>(() => index.ReplaceDocumentAsync(
            MilvusTestServer.Document("doc-1"), [MilvusTestServer.Chunk("c1", "doc-1", 0, "Arrays")], CancellationToken.None));

        Assert.DoesNotContain(handler.Requests, r => r.Collection == "canopy_chunks_documents" && r.Action == "entities/upsert");
    }

    [Fact]
    public async Task Replace_with_no_chunks_removes_all_of_the_document()
    {
        var handler = MilvusTestServer.Ready();
        using var index = MilvusTestServer.Index(handler);

        await index.ReplaceDocumentAsync(MilvusTestServer.Document("doc-1"), [], CancellationToken.None);

        Assert.Equal(["entities/delete", "entities/upsert"], Entities(handler).Select(r => r.Action));
        Assert.Equal("document_id == \"doc-1\"", (string?)handler.For("entities/delete").Single().Body["filter"]);
    }

    [Fact]
    public async Task Replace_rejects_chunks_of_another_document_or_size()
    {
        using var index = MilvusTestServer.Index(MilvusTestServer.Ready());

        await Assert.ThrowsAsync<ArgumentException>(() => index.ReplaceDocumentAsync(
            MilvusTestServer.Document("doc-1"), [MilvusTestServer.Chunk("c1", "doc-2", 0, "x")], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => index.ReplaceDocumentAsync(
            MilvusTestServer.Document("doc-1"), [MilvusTestServer.Chunk("c1", "doc-1", 0, "x") with { Vector = new float[3] }], CancellationToken.None));
    }

    [Fact]
    public async Task Get_document_queries_the_record_by_id()
    {
        var handler = MilvusTestServer.Ready().On("entities/query", """
            {"code":0,"data":[{"id":"doc-1","title":"Data Structures","source":"corpus/a.md","course":"","kind":"syllabus",
              "content_hash":"h1","chunk_count":12,"indexed_at":"2026-11-25T10:30:00.0000000+00:00"}]}
            """);
        using var index = MilvusTestServer.Index(handler);

        var document = await index.GetDocumentAsync("doc-1", CancellationToken.None);

        var body = handler.For("entities/query").Single().Body;
        Assert.Equal("canopy_chunks_documents", (string?)body["collectionName"]);
        Assert.Equal("id == \"doc-1\"", (string?)body["filter"]);
        Assert.Equal(1, (int)body["limit"]!);
        Assert.NotNull(document);
        Assert.Equal("h1", document.ContentHash);
        Assert.Equal(12, document.ChunkCount);
        Assert.Null(document.Course);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.Zero), document.IndexedAt);
    }

    [Fact]
    public async Task Get_document_returns_null_when_absent_and_list_sorts_by_title()
    {
        var handler = MilvusTestServer.Ready()
            .Once("entities/query", """{"code":0,"data":[]}""")
            .Once("entities/query", """
                {"code":0,"data":[
                  {"id":"b","title":"Zoology","source":"corpus/z.md","course":"BIO","kind":"","content_hash":"h","chunk_count":1,"indexed_at":"2026-01-01T00:00:00Z"},
                  {"id":"a","title":"Algebra","source":"corpus/a.md","course":"MATH","kind":"","content_hash":"h","chunk_count":"2","indexed_at":"2026-01-01T00:00:00Z"}]}
                """);
        using var index = MilvusTestServer.Index(handler);

        Assert.Null(await index.GetDocumentAsync("missing", CancellationToken.None));
        var documents = await index.ListDocumentsAsync(CancellationToken.None);

        Assert.Equal(["Algebra", "Zoology"], documents.Select(d => d.Title));
        Assert.Equal(2, documents[0].ChunkCount);
        Assert.Equal(16384, (int)handler.For("entities/query").Last().Body["limit"]!);
    }

    [Fact]
    public async Task Delete_removes_chunks_then_the_record_and_reports_whether_it_existed()
    {
        var handler = MilvusTestServer.Ready()
            .Once("entities/query", """{"code":0,"data":[{"id":"doc-1","title":"t","source":"s","content_hash":"h","chunk_count":1}]}""")
            .Once("entities/query", """{"code":0,"data":[]}""");
        using var index = MilvusTestServer.Index(handler);

        Assert.True(await index.DeleteDocumentAsync("doc-1", CancellationToken.None));
        Assert.False(await index.DeleteDocumentAsync("doc-1", CancellationToken.None));

        var deletes = handler.For("entities/delete").Take(2).ToList();
        Assert.Equal(("canopy_chunks", "document_id == \"doc-1\""), (deletes[0].Collection, (string?)deletes[0].Body["filter"]));
        Assert.Equal(("canopy_chunks_documents", "id == \"doc-1\""), (deletes[1].Collection, (string?)deletes[1].Body["filter"]));
    }
}
