using Canopy.Rag.VectorStore.Milvus;

namespace Canopy.UnitTests.Milvus;

public sealed class MilvusConnectionStringTests
{
    [Fact]
    public void Parses_endpoint_key_and_database()
    {
        var parsed = MilvusConnectionString.Parse("Endpoint=http://localhost:19530;Key=root:Milvus;Database=canopy");

        Assert.Equal(new Uri("http://localhost:19530/"), parsed.Endpoint);
        Assert.Equal("root:Milvus", parsed.Key);
        Assert.Equal("canopy", parsed.Database);
    }

    [Fact]
    public void Database_defaults_to_default_and_key_is_optional()
    {
        var parsed = MilvusConnectionString.Parse("endpoint=https://milvus.example:443");

        Assert.Equal("default", parsed.Database);
        Assert.Null(parsed.Key);
        Assert.Equal("https", parsed.Endpoint.Scheme);
    }

    [Fact]
    public void Keeps_a_path_prefix_and_accepts_a_quoted_key_with_separators()
    {
        var parsed = MilvusConnectionString.Parse("Endpoint=http://gateway/milvus;Key=\"root:pa;ss=word\"");

        Assert.Equal("/milvus/", parsed.Endpoint.AbsolutePath);
        Assert.Equal("root:pa;ss=word", parsed.Key);
    }

    [Fact]
    public void ToString_hides_the_key()
    {
        var text = MilvusConnectionString.Parse("Endpoint=http://localhost:19530;Key=root:topsecret").ToString();

        Assert.DoesNotContain("topsecret", text);
        Assert.Contains("localhost:19530", text);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("   ", "empty")]
    [InlineData("Key=root:Milvus;Database=x", "no Endpoint")]
    [InlineData("Endpoint=localhost:19530", "not an absolute http")]
    [InlineData("Endpoint=/relative/path", "not an absolute http")]
    [InlineData("Endpoint=ftp://host:19530", "not an absolute http")]
    [InlineData("Endpoint=http://host:19530/?x=1", "query or fragment")]
    [InlineData("Endpoint=http://host:19530;Passwrd=x", "unknown part 'Passwrd'")]
    [InlineData("Endpoint=http://host:19530;garbage", "Name=Value")]
    public void Rejects_bad_strings_with_a_clear_message(string? connectionString, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => MilvusConnectionString.Parse(connectionString));

        Assert.Contains(expected, ex.Message, StringComparison.OrdinalIgnoreCase);
    }
}
