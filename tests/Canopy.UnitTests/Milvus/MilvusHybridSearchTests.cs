using System.Diagnostics;
using System.Diagnostics.Metrics;
using Canopy.Rag;
using Canopy.Rag.Search;
using Canopy.Rag.VectorStore;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Milvus;

/// <summary>A hybrid search over a Milvus collection whose keyword half is unavailable.</summary>
public sealed class MilvusHybridSearchTests
{
    private const string VectorHits = """
        {"code":0,"data":[{"id":"c2","distance":0.91,"document_id":"doc-1","document_title":"Data Structures","source":"corpus/cs-230.md",
          "course":"CS-230","ordinal":2,"heading_path":"Syllabus > Week 2","text":"Heaps and priority queues"}]}
        """;

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, """{"code":1100,"message":"failed to search: BM25 not supported"}""")]
    public async Task Says_it_ran_vector_only_with_an_error_on_the_keyword_span_and_a_count(bool fullText, string? refusal)
    {
        // The vector half asks first, then the keyword half.
        var handler = MilvusTestServer.Ready(fullText).Once("entities/search", VectorHits);
        if (refusal is not null) handler.Once("entities/search", refusal);
        using var index = MilvusTestServer.Index(handler);
        var search = new SearchService(index, new OneVectorEmbeddings(MilvusTestServer.Vector(1)), Options.Create(new SearchOptions()), reranker: null);
        using var spans = new SpanRecorder();
        long unavailable = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Name == "canopy.rag.keyword_search.unavailable") l.EnableMeasurementEvents(instrument); },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref unavailable, value));
        meters.Start();
        using var parent = new Activity("test").Start();

        var response = await search.SearchAsync("heaps", 5, new SearchFilter(), "hybrid", CancellationToken.None);

        Assert.Equal("vector", response.Method);
        Assert.Equal("c2", Assert.Single(response.Results).ChunkId);
        var keyword = spans.Single(RagTelemetry.KeywordSearchSpan, parent.TraceId);
        Assert.Equal(ActivityStatusCode.Error, keyword.Status);
        Assert.Equal(nameof(KeywordSearchUnavailableException), keyword.GetTagItem("error.type"));
        Assert.Equal(1, Interlocked.Read(ref unavailable));
    }
}
