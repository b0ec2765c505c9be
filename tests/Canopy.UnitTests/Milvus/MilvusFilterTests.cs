using Canopy.Rag.VectorStore;
using Canopy.Rag.VectorStore.Milvus;

namespace Canopy.UnitTests.Milvus;

public sealed class MilvusFilterTests
{
    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\docs\a.md", "\"C:\\\\docs\\\\a.md\"")]
    [InlineData("two\nlines\r", "\"two\\nlines\\r\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("électricité", "\"électricité\"")]
    public void Quote_escapes_quotes_backslashes_and_control_characters(string value, string expected) =>
        Assert.Equal(expected, MilvusFilter.Quote(value));

    [Fact]
    public void A_quote_cannot_end_the_literal_early()
    {
        var filter = MilvusFilter.Equal("document_id", "x\" or id != \"");

        Assert.Equal("document_id == \"x\\\" or id != \\\"\"", filter);
    }

    [Fact]
    public void Empty_filter_gives_no_expression()
    {
        Assert.Null(MilvusFilter.For(new SearchFilter()));
        Assert.Null(MilvusFilter.For(new SearchFilter([], [])));
    }

    [Fact]
    public void Courses_compare_case_insensitively_and_combine_with_documents()
    {
        var filter = MilvusFilter.For(new SearchFilter(["CS-230", "cs-230", "Math 201"], ["doc-\"1\""]));

        Assert.Equal("course_key in [\"cs-230\", \"math 201\"] and document_id in [\"doc-\\\"1\\\"\"]", filter);
    }

    [Fact]
    public void Stale_chunks_keep_the_new_ids_or_take_everything_when_none_remain()
    {
        Assert.Equal("document_id == \"d\" and id not in [\"a\", \"b\"]", MilvusFilter.StaleChunks("d", ["a", "b"]));
        Assert.Equal("document_id == \"d\"", MilvusFilter.StaleChunks("d", []));
    }
}
