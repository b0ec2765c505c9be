namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Field names and the create requests of the two collections: chunks (with BM25) and document records.</summary>
internal static class MilvusSchema
{
    public const string Id = "id";
    public const string DocumentId = "document_id";
    public const string DocumentTitle = "document_title";
    public const string Source = "source";
    public const string Course = "course";
    public const string CourseKey = "course_key";
    public const string Ordinal = "ordinal";
    public const string HeadingPath = "heading_path";
    public const string Text = "text";
    public const string Vector = "vector";
    public const string Sparse = "sparse";
    public const string Bm25Function = "text_bm25";

    public const string Title = "title";
    public const string Kind = "kind";
    public const string ContentHash = "content_hash";
    public const string ChunkCount = "chunk_count";
    public const string IndexedAt = "indexed_at";

    // Byte limits of the VarChar fields (Milvus counts UTF-8 bytes).
    public const int IdLength = 64;
    public const int DocumentIdLength = 512;
    public const int TitleLength = 1024;
    public const int SourceLength = 1024;
    public const int CourseLength = 256;
    public const int KindLength = 128;
    public const int HeadingPathLength = 2048;
    public const int TextLength = 16384;
    public const int HashLength = 256;
    public const int DateLength = 64;

    /// <summary>The documents collection needs some vector field; this one holds a constant.</summary>
    public const int PlaceholderDimensions = 2;

    public const int HnswM = 16;
    public const int HnswEfConstruction = 200;

    public static readonly IReadOnlyList<string> ChunkOutputFields =
        [Id, DocumentId, DocumentTitle, Source, Course, Ordinal, HeadingPath, Text];

    public static readonly IReadOnlyList<string> DocumentOutputFields =
        [Id, Title, Source, Course, Kind, ContentHash, ChunkCount, IndexedAt];

    // Strong consistency: a search right after a write sees it (the corpus is small, the cost is low).
    private static readonly IReadOnlyDictionary<string, object> CollectionParams =
        new Dictionary<string, object> { ["consistencyLevel"] = "Strong" };

    public static MilvusCreateCollectionRequest Chunks(string collectionName, int dimensions, bool fullText)
    {
        var textParams = new Dictionary<string, string> { ["max_length"] = Len(TextLength) };
        if (fullText) textParams["enable_analyzer"] = "true";
        List<MilvusFieldSchema> fields =
        [
            VarChar(Id, IdLength) with { IsPrimary = true },
            VarChar(DocumentId, DocumentIdLength),
            VarChar(DocumentTitle, TitleLength),
            VarChar(Source, SourceLength),
            VarChar(Course, CourseLength),
            VarChar(CourseKey, CourseLength),
            new(Ordinal, "Int64"),
            VarChar(HeadingPath, HeadingPathLength),
            new(Text, "VarChar") { ElementTypeParams = textParams },
            new(Vector, "FloatVector") { ElementTypeParams = new Dictionary<string, string> { ["dim"] = Len(dimensions) } },
        ];
        List<MilvusIndexParam> indexes =
        [
            new(Vector, Vector, "HNSW", "COSINE")
            {
                Params = new Dictionary<string, object> { ["M"] = HnswM, ["efConstruction"] = HnswEfConstruction },
            },
        ];
        List<MilvusFunctionSchema>? functions = null;
        if (fullText)
        {
            fields.Add(new MilvusFieldSchema(Sparse, "SparseFloatVector"));
            functions = [new MilvusFunctionSchema(Bm25Function, "BM25", [Text], [Sparse])];
            indexes.Add(new MilvusIndexParam(Sparse, Sparse, "SPARSE_INVERTED_INDEX", "BM25"));
        }
        return new MilvusCreateCollectionRequest(collectionName, new MilvusCollectionSchema(fields, functions), indexes) { Params = CollectionParams };
    }

    public static MilvusCreateCollectionRequest Documents(string collectionName) => new(
        collectionName,
        new MilvusCollectionSchema(
        [
            VarChar(Id, DocumentIdLength) with { IsPrimary = true },
            VarChar(Title, TitleLength),
            VarChar(Source, SourceLength),
            VarChar(Course, CourseLength),
            VarChar(Kind, KindLength),
            VarChar(ContentHash, HashLength),
            new(ChunkCount, "Int64"),
            VarChar(IndexedAt, DateLength),
            new(Vector, "FloatVector") { ElementTypeParams = new Dictionary<string, string> { ["dim"] = Len(PlaceholderDimensions) } },
        ]),
        [new MilvusIndexParam(Vector, Vector, "FLAT", "L2")])
    {
        Params = CollectionParams,
    };

    private static MilvusFieldSchema VarChar(string name, int maxLength) =>
        new(name, "VarChar") { ElementTypeParams = new Dictionary<string, string> { ["max_length"] = Len(maxLength) } };

    private static string Len(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
