using System.Data.Common;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// An OpenAI-compatible model server as a connection string, <c>Endpoint=http://host:8000/v1;Key=...;Model=...</c>,
/// shared by the chat (canopy-be) and embeddings (canopy-rag) clients; other keys are read with the indexer.
/// </summary>
public sealed class ModelEndpointConnectionString
{
    private readonly DbConnectionStringBuilder _values;

    private ModelEndpointConnectionString(DbConnectionStringBuilder values, Uri endpoint, string model) =>
        (_values, Endpoint, Model) = (values, endpoint, model);

    public Uri Endpoint { get; }
    public string Model { get; }
    public string? Key => this["Key"];

    public string? this[string key] => _values.TryGetValue(key, out var value) ? value?.ToString() : null;

    /// <param name="whenMissing">The message when the connection string is absent, naming the setting that needs it.</param>
    public static ModelEndpointConnectionString Parse(string? connectionString, string name, string whenMissing)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw new InvalidOperationException(whenMissing);
        var values = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var endpoint = values.TryGetValue("Endpoint", out var e) ? e?.ToString() : null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"The connection string '{name}' needs Endpoint=http(s)://host[:port]/v1; got '{endpoint}'.");
        var model = values.TryGetValue("Model", out var m) ? m?.ToString() : null;
        if (string.IsNullOrWhiteSpace(model))
            throw new InvalidOperationException($"The connection string '{name}' needs Model=<served model name>.");
        return new ModelEndpointConnectionString(values, uri, model);
    }
}
