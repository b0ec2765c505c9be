using System.Data.Common;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>
/// A Milvus connection string: <c>Endpoint=http://host:19530;Key=root:&lt;password&gt;;Database=&lt;db&gt;</c>.
/// Key and Database are optional; values containing ';' may be quoted.
/// </summary>
public sealed class MilvusConnectionString
{
    public const string DefaultDatabase = "default";
    public const string Format = "Endpoint=http://host:19530;Key=root:<password>;Database=<db>";

    private MilvusConnectionString(Uri endpoint, string? key, string database)
    {
        Endpoint = endpoint;
        Key = key;
        Database = database;
    }

    /// <summary>Base address of the REST API, always ending with '/' so relative paths append.</summary>
    public Uri Endpoint { get; }

    /// <summary>The bearer token (<c>user:password</c> or an API key), or null when Milvus runs without authentication.</summary>
    public string? Key { get; }

    public string Database { get; }

    public static MilvusConnectionString Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new FormatException($"The Milvus connection string is empty; expected '{Format}'.");

        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The Milvus connection string is not a list of Name=Value pairs separated by ';'; expected '{Format}'.", ex);
        }

        string? endpoint = null, key = null, database = null;
        foreach (string name in builder.Keys)
        {
            var value = Convert.ToString(builder[name], System.Globalization.CultureInfo.InvariantCulture)?.Trim();
            switch (name.ToLowerInvariant())
            {
                case "endpoint": endpoint = value; break;
                case "key": key = value; break;
                case "database": database = value; break;
                default:
                    throw new FormatException($"The Milvus connection string has an unknown part '{name}'; the known parts are Endpoint, Key and Database.");
            }
        }

        return new MilvusConnectionString(ParseEndpoint(endpoint), string.IsNullOrEmpty(key) ? null : key,
            string.IsNullOrEmpty(database) ? DefaultDatabase : database);
    }

    private static Uri ParseEndpoint(string? endpoint)
    {
        if (string.IsNullOrEmpty(endpoint))
            throw new FormatException($"The Milvus connection string has no Endpoint; expected '{Format}'.");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new FormatException($"The Milvus Endpoint '{endpoint}' is not an absolute http:// or https:// address.");
        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new FormatException($"The Milvus Endpoint '{endpoint}' must not carry a query or fragment.");
        var path = uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/";
        return new UriBuilder(uri) { Path = path }.Uri;
    }

    /// <summary>The connection string without its key, safe for logs.</summary>
    public override string ToString() =>
        $"Endpoint={Endpoint};Key={(Key is null ? "" : "***")};Database={Database}";
}
