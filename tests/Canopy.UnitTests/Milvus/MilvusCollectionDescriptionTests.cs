using System.Text.Json;
using Canopy.Rag.VectorStore.Milvus;

namespace Canopy.UnitTests.Milvus;

public sealed class MilvusCollectionDescriptionTests
{
    private static JsonElement Data(string envelope) => JsonDocument.Parse(envelope).RootElement.GetProperty("data").Clone();

    private static JsonElement Fields(string fields, string extra = "") =>
        JsonDocument.Parse($$"""{"collectionName":"c","fields":[{{fields}}]{{extra}}}""").RootElement.Clone();

    [Fact]
    public void Reads_dimensions_and_bm25_support_from_a_2_5_answer()
    {
        var description = Data(MilvusTestServer.Describe(dimensions: 384));

        Assert.Equal(384, MilvusCollectionDescription.Dimensions(description, "vector"));
        Assert.True(MilvusCollectionDescription.HasFullTextSearch(description));
        Assert.Null(MilvusCollectionDescription.Dimensions(description, "missing"));
    }

    [Fact]
    public void A_sparse_field_without_a_function_is_not_full_text()
    {
        var description = Fields("""{"name":"sparse","type":"SparseFloatVector","params":[]}""");

        Assert.False(MilvusCollectionDescription.HasFullTextSearch(description));
    }

    [Fact]
    public void A_function_output_flag_is_enough_without_a_function_list()
    {
        var description = Fields("""{"name":"sparse","type":"SparseFloatVector","isFunctionOutput":true}""");

        Assert.True(MilvusCollectionDescription.HasFullTextSearch(description));
    }

    [Fact]
    public void No_sparse_field_means_no_full_text_even_with_functions()
    {
        var description = Fields("""{"name":"vector","type":"FloatVector","params":[{"key":"dim","value":"8"}]}""",
            ""","functions":[{"name":"f","type":"BM25"}]""");

        Assert.False(MilvusCollectionDescription.HasFullTextSearch(description));
        Assert.Equal(8, MilvusCollectionDescription.Dimensions(description, "vector"));
    }
}
