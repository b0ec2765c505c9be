using System.Text.Json.Serialization;

namespace Canopy.Rag.VectorStore.Milvus;

// Bodies of the REST v2 actions; the client adds dbName to each and serialises them in camelCase without nulls.

public sealed record MilvusFieldSchema(string FieldName, string DataType)
{
    public bool? IsPrimary { get; init; }

    /// <summary>Type parameters such as <c>max_length</c>, <c>dim</c> or <c>enable_analyzer</c>, sent as strings.</summary>
    public IReadOnlyDictionary<string, string>? ElementTypeParams { get; init; }
}

public sealed record MilvusFunctionSchema(string Name, string Type, IReadOnlyList<string> InputFieldNames, IReadOnlyList<string> OutputFieldNames)
{
    public IReadOnlyDictionary<string, object> Params { get; init; } = new Dictionary<string, object>();
}

public sealed record MilvusCollectionSchema(IReadOnlyList<MilvusFieldSchema> Fields, IReadOnlyList<MilvusFunctionSchema>? Functions = null)
{
    [JsonPropertyName("autoID")]
    public bool AutoId { get; init; }

    [JsonPropertyName("enableDynamicField")]
    public bool EnableDynamicField { get; init; }
}

public sealed record MilvusIndexParam(string FieldName, string IndexName, string IndexType, string MetricType)
{
    public IReadOnlyDictionary<string, object>? Params { get; init; }
}

public sealed record MilvusCreateCollectionRequest(
    string CollectionName, MilvusCollectionSchema Schema, IReadOnlyList<MilvusIndexParam> IndexParams)
{
    /// <summary>Collection settings such as <c>consistencyLevel</c>.</summary>
    public IReadOnlyDictionary<string, object>? Params { get; init; }
}

public sealed record MilvusSearchParams(string MetricType, IReadOnlyDictionary<string, object>? Params = null);

/// <summary>One query: <c>Data</c> holds a float array for dense fields or the raw text for a BM25 field.</summary>
public sealed record MilvusSearchRequest(string CollectionName, IReadOnlyList<object> Data, string AnnsField, int Limit, IReadOnlyList<string> OutputFields)
{
    public string? Filter { get; init; }

    public MilvusSearchParams? SearchParams { get; init; }
}

public sealed record MilvusQueryRequest(string CollectionName, string Filter, IReadOnlyList<string> OutputFields, int Limit);
