namespace Canopy.AppHost.Milvus;

public static class MilvusBuilderExtensions
{
    public const string Image = "milvusdb/milvus";
    public const string Tag = "v2.5.17";
    public const string DataPath = "/var/lib/milvus";

    /// <summary>Milvus standalone with embedded etcd and local storage, authorization on, root password a secret parameter.</summary>
    public static IResourceBuilder<MilvusServerResource> AddMilvus(this IDistributedApplicationBuilder builder, string name)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-root-password", special: false);
        builder.Resources.Add(password);
        var milvus = new MilvusServerResource(name, password);
        return builder.AddResource(milvus)
            .WithImage(Image, Tag)
            .WithImageRegistry("docker.io")
            .WithArgs("milvus", "run", "standalone")
            .WithHttpEndpoint(targetPort: MilvusServerResource.Port, name: MilvusServerResource.PrimaryEndpointName)
            .WithHttpEndpoint(targetPort: 9091, name: MilvusServerResource.HealthEndpointName)
            .WithEnvironment("ETCD_USE_EMBED", "true")
            .WithEnvironment("ETCD_DATA_DIR", $"{DataPath}/etcd")
            .WithEnvironment("COMMON_STORAGETYPE", "local")
            .WithEnvironment("COMMON_SECURITY_AUTHORIZATIONENABLED", "true")
            .WithEnvironment("COMMON_SECURITY_DEFAULTROOTPASSWORD", password)
            .WithHttpHealthCheck("/healthz", endpointName: MilvusServerResource.HealthEndpointName);
    }

    /// <summary>Attu, Milvus's admin UI, for local runs only: it is left out of the manifest.</summary>
    public static IResourceBuilder<MilvusServerResource> WithAttu(this IResourceBuilder<MilvusServerResource> milvus, string? name = null)
    {
        if (milvus.ApplicationBuilder.ExecutionContext.IsPublishMode) return milvus;
        milvus.ApplicationBuilder.AddContainer(name ?? $"{milvus.Resource.Name}-attu", "zilliz/attu", "v2.5.10")
            .WithImageRegistry("docker.io")
            .WithHttpEndpoint(targetPort: 3000, name: "http")
            // Containers of one app share a network where each is reachable by its resource name.
            .WithEnvironment("MILVUS_URL", milvus.Resource.Name + ":" + MilvusServerResource.Port)
            .WithParentRelationship(milvus)
            .WaitFor(milvus)
            .ExcludeFromManifest();
        return milvus;
    }

    public static IResourceBuilder<MilvusServerResource> WithDataVolume(this IResourceBuilder<MilvusServerResource> milvus, string? name = null) =>
        milvus.WithVolume(name ?? "canopy-milvus-data", DataPath);
}
