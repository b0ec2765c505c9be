using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Canopy.Rag;

/// <summary>The activity source and meter of canopy-rag, and the span names it emits (see DESIGN.md).</summary>
public static class RagTelemetry
{
    public const string SourceName = "Canopy.Rag";
    public const string MeterName = "Canopy.Rag";

    public const string EmbedQuerySpan = "embed-query";
    public const string VectorSearchSpan = "vector-search";
    public const string MilvusSearchSpan = "milvus-search";
    public const string KeywordSearchSpan = "keyword-search";
    public const string RerankSpan = "rerank-results";
    public const string IngestDocumentSpan = "ingest-document";
    public const string ChunkSpan = "chunk";
    public const string EmbedBatchSpan = "embed-batch";
    public const string IndexUpsertSpan = "index-upsert";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> RetrievalDuration = Meter.CreateHistogram<double>(
        "canopy.rag.retrieval.duration", "s", "Time to answer one search request.");

    public static readonly Histogram<int> DocumentsRetrieved = Meter.CreateHistogram<int>(
        "canopy.rag.documents.retrieved", "{chunk}", "Chunks returned by one search request.");

    public static readonly Counter<long> KeywordSearchUnavailable = Meter.CreateCounter<long>(
        "canopy.rag.keyword_search.unavailable", "{search}", "Searches whose keyword half the index could not run (hybrid ran vector-only).");

    public static readonly Counter<long> DocumentsIngested = Meter.CreateCounter<long>(
        "canopy.rag.ingestion.documents", "{document}", "Documents processed by ingestion, by outcome.");

    public static readonly Counter<long> ChunksIngested = Meter.CreateCounter<long>(
        "canopy.rag.ingestion.chunks", "{chunk}", "Chunks embedded and written to the index.");

    public const string GraphBacklogGauge = "canopy.rag.index.graph.backlog";

    public static readonly Histogram<double> IngestionDuration = Meter.CreateHistogram<double>(
        "canopy.rag.ingestion.duration", "s", "Time to ingest one document.");
}
