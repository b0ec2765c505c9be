namespace Canopy.AppHost.Milvus;

/// <summary>Milvus standalone in a container; REST v2 and gRPC share port 19530, health is on 9091.</summary>
public sealed class MilvusServerResource(string name, ParameterResource rootPassword) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "http";
    internal const int Port = 19530;
    internal const string HealthEndpointName = "health";

    public ParameterResource RootPassword { get; } = rootPassword;

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary><c>Endpoint=http://host:19530;Key=root:&lt;password&gt;;Database=default</c>, as canopy-rag reads it.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Endpoint={PrimaryEndpoint.Property(EndpointProperty.Url)};Key=root:{RootPassword};Database=default");
}
