namespace Canopy.AppHost;

/// <summary>
/// Who signs users in. Run locally, canopy-identity (a development OpenID Connect provider) seeds three users whose
/// passwords are parameters, generated unless set and shown in the dashboard. Published, the cluster's provider is a
/// parameter (docs/deploy-openshift.md).
/// </summary>
public static class IdentityResources
{
    public const string AuthorityVariable = "Canopy__Identity__Authority";
    public const string ClientSecretVariable = "Canopy__Identity__ClientSecret";
    public const string PseudonymKeyVariable = "Canopy__Identity__PseudonymKey";
    public const string DefaultClusterAuthority = "https://sso.redwood.example/realms/canopy";
    public static readonly string[] SeededUsers = ["student", "instructor", "admin"];

    public sealed record CanopyIdentity(IResourceBuilder<ProjectResource>? Provider, Func<IResourceBuilder<ProjectResource>, IResourceBuilder<ProjectResource>> WithAuthority,
        IResourceBuilder<ParameterResource> UiClientSecret, IResourceBuilder<ParameterResource> ServiceClientSecret);

    public static CanopyIdentity AddCanopyIdentity(this IDistributedApplicationBuilder builder)
    {
        var uiSecret = Secret(builder, "canopy-ui-client-secret");
        // canopy-be's own client, for searching on behalf of a personal API key's owner.
        var serviceSecret = Secret(builder, "canopy-be-client-secret");
        // Spans, logs and feedback carry a keyed hash of the user instead of the login name.
        var pseudonymKey = Secret(builder, "pseudonym-key");
        if (builder.ExecutionContext.IsPublishMode)
        {
            // The university's provider (Red Hat build of Keycloak, Entra ID, ...): set in canopy-config on OpenShift.
            var authority = builder.AddParameter("oidc-authority", DefaultClusterAuthority, publishValueAsDefault: true);
            return new CanopyIdentity(null, service => service.WithEnvironment(AuthorityVariable, authority).WithEnvironment(PseudonymKeyVariable, pseudonymKey),
                uiSecret, serviceSecret);
        }

        var provider = builder.AddProject<Projects.Canopy_Identity>("canopy-identity")
            // The browser is sent to its sign-in page.
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithRestartOnCrash()
            .WithCanopyTelemetry()
            .WithEnvironment("Identity__UiClient__Secret", uiSecret)
            .WithEnvironment("Identity__ServiceClient__Secret", serviceSecret);
        foreach (var user in SeededUsers)
            provider.WithEnvironment($"Identity__Users__{user}__Password", builder.AddParameter($"{user}-password", Generated(16), secret: true, persist: true));
        var endpoint = provider.GetEndpoint("http");
        // Services read the provider's keys on their first request; waiting spares the first student a failed sign-in.
        return new CanopyIdentity(provider,
            service => service.WithEnvironment(AuthorityVariable, endpoint).WithEnvironment(PseudonymKeyVariable, pseudonymKey).WaitFor(provider),
            uiSecret, serviceSecret);
    }

    /// <summary>The service accepts tokens from the provider.</summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(this IResourceBuilder<ProjectResource> service, CanopyIdentity identity) =>
        identity.WithAuthority(service);

    /// <summary>canopy-be is also the provider's confidential client <c>canopy-be</c> (client credentials, scope canopy-rag).</summary>
    public static IResourceBuilder<ProjectResource> WithServiceClient(this IResourceBuilder<ProjectResource> api, CanopyIdentity identity) =>
        api.WithEnvironment(ClientSecretVariable, identity.ServiceClientSecret);

    /// <summary>canopy-ui signs users in with the provider as the confidential client <c>canopy-ui</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithSignIn(this IResourceBuilder<ProjectResource> ui, CanopyIdentity identity)
    {
        identity.Provider?.WithEnvironment("Identity__UiClient__BaseUrl", ui.GetEndpoint("http"));
        return identity.WithAuthority(ui).WithEnvironment(ClientSecretVariable, identity.UiClientSecret);
    }

    /// <summary>Generated and kept locally; published, a Secret of the same name.</summary>
    private static IResourceBuilder<ParameterResource> Secret(IDistributedApplicationBuilder builder, string name) =>
        builder.ExecutionContext.IsPublishMode
            ? builder.AddParameter(name, secret: true)
            : builder.AddParameter(name, Generated(32), secret: true, persist: true);

    private static GenerateParameterDefault Generated(int length) => new() { MinLength = length, Special = false };
}
