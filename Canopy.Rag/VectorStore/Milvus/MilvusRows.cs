using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Maps chunks and document records to Milvus rows and back; absent course or kind is stored as "".</summary>
internal static class MilvusRows
{
    public static JsonObject Chunk(IndexedChunk chunk) => new()
    {
        [MilvusSchema.Id] = Key(chunk.Id, MilvusSchema.IdLength, "chunk id"),
        [MilvusSchema.DocumentId] = Key(chunk.DocumentId, MilvusSchema.DocumentIdLength, "document id"),
        [MilvusSchema.DocumentTitle] = Fit(chunk.DocumentTitle, MilvusSchema.TitleLength),
        [MilvusSchema.Source] = Fit(chunk.Source, MilvusSchema.SourceLength),
        [MilvusSchema.Course] = Fit(chunk.Course ?? "", MilvusSchema.CourseLength),
        [MilvusSchema.CourseKey] = Fit(MilvusFilter.CourseKey(chunk.Course), MilvusSchema.CourseLength),
        [MilvusSchema.Ordinal] = chunk.Ordinal,
        [MilvusSchema.HeadingPath] = Fit(chunk.HeadingPath, MilvusSchema.HeadingPathLength),
        [MilvusSchema.Text] = Fit(chunk.Text, MilvusSchema.TextLength),
        [MilvusSchema.Vector] = new JsonArray([.. chunk.Vector.ToArray().Select(v => (JsonNode?)JsonValue.Create(v))]),
    };

    public static JsonObject Document(IndexedDocument document) => new()
    {
        [MilvusSchema.Id] = Key(document.Id, MilvusSchema.DocumentIdLength, "document id"),
        [MilvusSchema.Title] = Fit(document.Title, MilvusSchema.TitleLength),
        [MilvusSchema.Source] = Fit(document.Source, MilvusSchema.SourceLength),
        [MilvusSchema.Course] = Fit(document.Course ?? "", MilvusSchema.CourseLength),
        [MilvusSchema.Kind] = Fit(document.Kind ?? "", MilvusSchema.KindLength),
        [MilvusSchema.ContentHash] = Key(document.ContentHash, MilvusSchema.HashLength, "content hash"),
        [MilvusSchema.ChunkCount] = document.ChunkCount,
        [MilvusSchema.IndexedAt] = document.IndexedAt.ToString("O", CultureInfo.InvariantCulture),
        [MilvusSchema.Vector] = new JsonArray(1f, 0f),
    };

    /// <summary>A chunk from a search hit; searches do not return vectors, so <see cref="IndexedChunk.Vector"/> is empty.</summary>
    public static IndexedChunk ReadChunk(JsonElement row) => new(
        String(row, MilvusSchema.Id), String(row, MilvusSchema.DocumentId), String(row, MilvusSchema.DocumentTitle),
        String(row, MilvusSchema.Source), NullIfEmpty(String(row, MilvusSchema.Course)), (int)Int64(row, MilvusSchema.Ordinal),
        String(row, MilvusSchema.HeadingPath), String(row, MilvusSchema.Text), ReadOnlyMemory<float>.Empty);

    public static IndexedDocument ReadDocument(JsonElement row) => new(
        String(row, MilvusSchema.Id), String(row, MilvusSchema.Title), String(row, MilvusSchema.Source),
        NullIfEmpty(String(row, MilvusSchema.Course)), NullIfEmpty(String(row, MilvusSchema.Kind)),
        String(row, MilvusSchema.ContentHash), (int)Int64(row, MilvusSchema.ChunkCount),
        DateTimeOffset.TryParse(String(row, MilvusSchema.IndexedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at : DateTimeOffset.MinValue);

    /// <summary>The score of a hit: cosine similarity for the dense field, BM25 relevance for the sparse one.</summary>
    public static double Score(JsonElement row) =>
        row.TryGetProperty("distance", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble()
        : row.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble()
        : 0;

    private static string String(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static long Int64(JsonElement row, string field)
    {
        if (!row.TryGetProperty(field, out var value)) return 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => 0,
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Key(string value, int maxBytes, string what) =>
        Encoding.UTF8.GetByteCount(value) <= maxBytes
            ? value
            : throw new ArgumentException($"The {what} '{value[..Math.Min(value.Length, 80)]}…' is longer than the {maxBytes} bytes Milvus stores.");

    /// <summary>Cuts a display value to the field's byte limit at a character boundary, so one long title cannot fail a write.</summary>
    internal static string Fit(string value, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(value) <= maxBytes) return value;
        var length = Math.Min(value.Length, maxBytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(value.AsSpan(0, length)) > maxBytes) length--;
        if (length > 0 && char.IsHighSurrogate(value[length - 1])) length--;
        return value[..length];
    }
}
