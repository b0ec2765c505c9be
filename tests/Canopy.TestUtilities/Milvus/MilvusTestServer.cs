using Canopy.Rag.VectorStore;
using Canopy.Rag.VectorStore.Milvus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.TestUtilities.Milvus;

/// <summary>Builds clients and indexes over a <see cref="RecordingHandler"/>, with answers shaped as Milvus 2.5 gives them.</summary>
public static class MilvusTestServer
{
    public const string ConnectionString = "Endpoint=http://milvus.test:19530;Key=root:s3cret;Database=canopy";

    public const string Ok = """{"code":0,"data":{}}""";

    public static string Has(bool has) => $$$"""{"code":0,"data":{"has":{{{(has ? "true" : "false")}}}}}""";

    public const string Loaded = """{"code":0,"data":{"loadState":"LoadStateLoaded","loadProgress":100}}""";

    public static string Describe(int dimensions = 384, bool fullText = true)
    {
        var sparse = fullText ? """,{"name":"sparse","type":"SparseFloatVector","primaryKey":false,"isFunctionOutput":true}""" : "";
        var functions = fullText ? """[{"name":"text_bm25","type":"BM25","inputFieldNames":["text"],"outputFieldNames":["sparse"],"params":[]}]""" : "[]";
        return $$$"""
            {"code":0,"data":{
              "collectionName":"canopy_chunks","description":"","autoId":false,"enableDynamicField":false,
              "fields":[
                {"name":"id","type":"VarChar","primaryKey":true,"partitionKey":false,"autoId":false,"params":[{"key":"max_length","value":"64"}]},
                {"name":"document_id","type":"VarChar","primaryKey":false,"params":[{"key":"max_length","value":"512"}]},
                {"name":"text","type":"VarChar","primaryKey":false,"params":[{"key":"max_length","value":"16384"},{"key":"enable_analyzer","value":"true"}]},
                {"name":"vector","type":"FloatVector","primaryKey":false,"params":[{"key":"dim","value":"{{{dimensions}}}"}]}{{{sparse}}}
              ],
              "functions":{{{functions}}},
              "indexes":[{"fieldName":"vector","indexName":"vector","metricType":"COSINE"}],
              "load":"LoadStateLoaded","shardsNum":1,"consistencyLevel":"Strong","properties":[]}}
            """;
    }

    /// <summary>A server where both collections exist, are loaded and support BM25.</summary>
    public static RecordingHandler Ready(bool fullText = true) => new RecordingHandler()
        .On("collections/has", Has(true))
        .On("collections/describe", Describe(fullText: fullText))
        .On("collections/get_load_state", Loaded);

    public static MilvusOptions Options(Action<MilvusOptions>? configure = null)
    {
        var options = new MilvusOptions();
        configure?.Invoke(options);
        return options;
    }

    public static MilvusRestClient Client(RecordingHandler handler, MilvusOptions? options = null, string connectionString = ConnectionString) =>
        new(new HttpClient(handler), MilvusConnectionString.Parse(connectionString), Microsoft.Extensions.Options.Options.Create(options ?? Options()));

    public static MilvusVectorIndex Index(RecordingHandler handler, MilvusOptions? options = null)
    {
        options ??= Options();
        return new MilvusVectorIndex(Client(handler, options), Microsoft.Extensions.Options.Options.Create(options), NullLogger<MilvusVectorIndex>.Instance);
    }

    public static float[] Vector(int seed, int dimensions = 384)
    {
        var random = new Random(seed);
        var vector = new float[dimensions];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)(random.NextDouble() * 2 - 1);
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        for (var i = 0; i < vector.Length; i++) vector[i] /= norm;
        return vector;
    }

    public static IndexedChunk Chunk(string id, string documentId, int ordinal, string text, string? course = "CS-230", int seed = 0) =>
        new(id, documentId, "Data Structures", "corpus/syllabus-cs-230.md", course, ordinal, "Syllabus > Week " + ordinal, text, Vector(seed + ordinal));

    public static IndexedDocument Document(string id, string hash = "hash-1", string? course = "CS-230") =>
        new(id, "Data Structures", "corpus/syllabus-cs-230.md", course, "syllabus", hash, 0, new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.Zero));
}
