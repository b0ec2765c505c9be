namespace Canopy.AppHost.Vllm;

/// <summary>vLLM's OpenAI-compatible server in a GPU container.</summary>
public sealed class VllmResource(string name, ParameterResource model, ParameterResource servedModelName) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "http";

    public ParameterResource Model { get; } = model;

    public ParameterResource ServedModelName { get; } = servedModelName;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary><c>Endpoint=http://host:8000/v1;Model=&lt;served name&gt;</c>, as canopy-be reads it.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint={PrimaryEndpoint.Property(EndpointProperty.Url)}/v1;Model={ServedModelName}");
}
