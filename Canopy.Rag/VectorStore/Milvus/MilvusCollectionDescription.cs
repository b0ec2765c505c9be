using System.Globalization;
using System.Text.Json;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Reads what this index needs from a <c>collections/describe</c> answer.</summary>
internal static class MilvusCollectionDescription
{
    /// <summary>True when the collection has the sparse field fed by a BM25 function (created on Milvus 2.5 or later).</summary>
    public static bool HasFullTextSearch(JsonElement description)
    {
        if (Field(description, MilvusSchema.Sparse) is not { } sparse ||
            !sparse.TryGetProperty("type", out var type) || type.GetString()?.StartsWith("SparseFloatVector", StringComparison.Ordinal) != true)
            return false;
        // A server without functions keeps the sparse field but drops the BM25 function that fills it.
        var hasFunctions = description.TryGetProperty("functions", out var functions) &&
            functions.ValueKind == JsonValueKind.Array && functions.GetArrayLength() > 0;
        var isOutput = sparse.TryGetProperty("isFunctionOutput", out var output) && output.ValueKind == JsonValueKind.True;
        return hasFunctions || isOutput;
    }

    /// <summary>The <c>dim</c> of a vector field, or null when the description does not say.</summary>
    public static int? Dimensions(JsonElement description, string fieldName)
    {
        if (Field(description, fieldName) is not { } field || !field.TryGetProperty("params", out var parameters) ||
            parameters.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var parameter in parameters.EnumerateArray())
        {
            if (parameter.TryGetProperty("key", out var key) && key.GetString() == "dim" && parameter.TryGetProperty("value", out var value) &&
                int.TryParse(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var dim))
                return dim;
        }
        return null;
    }

    private static JsonElement? Field(JsonElement description, string name)
    {
        if (description.ValueKind != JsonValueKind.Object || !description.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
            return null;
        foreach (var field in fields.EnumerateArray())
            if (field.TryGetProperty("name", out var n) && n.GetString() == name) return field;
        return null;
    }
}
