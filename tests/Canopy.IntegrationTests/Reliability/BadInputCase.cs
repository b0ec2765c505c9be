namespace Canopy.IntegrationTests.Reliability;

/// <summary>
/// One hostile or careless request: where it goes, what it carries, and what it must get back — the status and the
/// field the answer names (null when the problem is the request as a whole: the body, the method, the content type).
/// </summary>
public sealed record BadInputCase(string Service, string Method, string Path, string? Body, int Status, string? Field, string ContentType = "application/json")
{
    public const string Be = "canopy-be";
    public const string Rag = "canopy-rag";

    public bool IsOpenAi => Path.StartsWith("/v1", StringComparison.Ordinal);

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null) request.Content = new StringContent(Body, System.Text.Encoding.UTF8, ContentType);
        return request;
    }
}
