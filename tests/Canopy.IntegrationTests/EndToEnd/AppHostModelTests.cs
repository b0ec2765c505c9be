using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Canopy.AppHost.Milvus;
using Canopy.AppHost.Vllm;

namespace Canopy.IntegrationTests.EndToEnd;

/// <summary>The AppHost's composition in each mode, read from its application model without starting anything.</summary>
public sealed class AppHostModelTests
{
    private static async Task<IDistributedApplicationTestingBuilder> ModelAsync(params string[] args) =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.Canopy_AppHost>(args);

    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource)
    {
#pragma warning disable CS0618 // The replacement builder API is heavier; this reads the same manifest expressions.
        var values = await ((IResourceWithEnvironment)resource).GetEnvironmentVariableValuesAsync(DistributedApplicationOperation.Publish);
#pragma warning restore CS0618
        return values.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    [Fact]
    public async Task By_default_no_container_is_declared_so_it_runs_without_docker()
    {
        await using var builder = await ModelAsync();

        Assert.Empty(builder.Resources.OfType<ContainerResource>());
        Assert.Equal(["canopy-be", "canopy-calendar", "canopy-identity", "canopy-rag", "canopy-ui"], builder.Resources.OfType<ProjectResource>().Select(p => p.Name).Order());
        var rag = await EnvironmentOf(builder.Resources.Single(r => r.Name == "canopy-rag"));
        var api = await EnvironmentOf(builder.Resources.Single(r => r.Name == "canopy-be"));
        Assert.Equal("embedded", rag["Canopy__VectorStore"]);
        Assert.Equal("embedded", api["Canopy__Llm"]);
        // The student assistant's MCP tools.
        Assert.Equal("{canopy-calendar.bindings.http.url}", api["services__canopy-calendar__http__0"]);
    }

    [Fact]
    public async Task Run_locally_the_services_trust_canopy_identity_whose_users_have_secret_parameters()
    {
        await using var builder = await ModelAsync();

        var parameters = builder.Resources.OfType<ParameterResource>().ToDictionary(p => p.Name);
        foreach (var name in new[] { "student-password", "instructor-password", "admin-password", "canopy-ui-client-secret", "canopy-be-client-secret", "pseudonym-key" })
            Assert.True(parameters.TryGetValue(name, out var parameter) && parameter.Secret, $"{name} is a secret parameter");
        var identity = await EnvironmentOf(builder.Resources.Single(r => r.Name == "canopy-identity"));
        Assert.Equal("{student-password.value}", identity["Identity__Users__student__Password"]);
        Assert.Equal("{canopy-ui.bindings.http.url}", identity["Identity__UiClient__BaseUrl"]);
        foreach (var service in new[] { "canopy-ui", "canopy-be", "canopy-rag", "canopy-calendar" })
        {
            var environment = await EnvironmentOf(builder.Resources.Single(r => r.Name == service));
            Assert.Equal("{canopy-identity.bindings.http.url}", environment["Canopy__Identity__Authority"]);
            Assert.Equal("{pseudonym-key.value}", environment["Canopy__Identity__PseudonymKey"]);
        }
        Assert.Equal("{canopy-ui-client-secret.value}", (await EnvironmentOf(builder.Resources.Single(r => r.Name == "canopy-ui")))["Canopy__Identity__ClientSecret"]);
        Assert.Equal("{canopy-be-client-secret.value}", (await EnvironmentOf(builder.Resources.Single(r => r.Name == "canopy-be")))["Canopy__Identity__ClientSecret"]);
        Assert.Equal("{canopy-be-client-secret.value}", identity["Identity__ServiceClient__Secret"]);
    }

    [Fact]
    public async Task The_containers_mode_declares_milvus_and_vllm_and_wires_their_connection_strings()
    {
        await using var builder = await ModelAsync("--Canopy:VectorStore=milvus", "--Canopy:Llm=vllm", "--Parameters:hf-token=hf_test");

        var milvus = Assert.Single(builder.Resources.OfType<MilvusServerResource>());
        var vllm = Assert.Single(builder.Resources.OfType<VllmResource>());
        Assert.Equal("milvus", milvus.Name);
        Assert.Equal("vllm", vllm.Name);

        var milvusImage = Assert.Single(milvus.Annotations.OfType<ContainerImageAnnotation>());
        Assert.Equal(("milvusdb/milvus", MilvusBuilderExtensions.Tag), (milvusImage.Image, milvusImage.Tag));
        var milvusEnv = await EnvironmentOf(milvus);
        Assert.Equal("true", milvusEnv["ETCD_USE_EMBED"]);
        Assert.Equal("local", milvusEnv["COMMON_STORAGETYPE"]);
        Assert.Equal("true", milvusEnv["COMMON_SECURITY_AUTHORIZATIONENABLED"]);
        Assert.Contains(milvus.Annotations.OfType<ContainerMountAnnotation>(), m => m.Target == "/var/lib/milvus");
        Assert.Contains(milvus.Annotations.OfType<EndpointAnnotation>(), e => e.TargetPort == 9091);

        var runtimeArgs = new List<object>();
        foreach (var callback in vllm.Annotations.OfType<ContainerRuntimeArgsCallbackAnnotation>())
            await callback.Callback(new ContainerRuntimeArgsCallbackContext(runtimeArgs));
        Assert.Equal(["--gpus", "all"], runtimeArgs.Select(a => a.ToString()));
        Assert.Contains(vllm.Annotations.OfType<ContainerMountAnnotation>(), m => m.Target == "/root/.cache/huggingface");
        Assert.Contains(vllm.Annotations.OfType<HealthCheckAnnotation>(), _ => true);

        var rag = await EnvironmentOf(builder.Resources.Single(r => r.Name == "canopy-rag"));
        var api = await EnvironmentOf(builder.Resources.Single(r => r.Name == "canopy-be"));
        Assert.Equal("milvus", rag["Canopy__VectorStore"]);
        Assert.Equal("{milvus.connectionString}", rag["ConnectionStrings__milvus"]);
        Assert.Equal("Endpoint={milvus.bindings.http.url};Key=root:{milvus-root-password.value};Database=default", milvus.ConnectionStringExpression.ValueExpression);
        Assert.Equal("vllm", api["Canopy__Llm"]);
        Assert.Equal("{vllm.connectionString}", api["ConnectionStrings__llm"]);
        Assert.Equal("Endpoint={vllm.bindings.http.url}/v1;Model={vllm-served-model-name.value}", vllm.ConnectionStringExpression.ValueExpression);
    }

    [Fact]
    public async Task Attu_joins_milvus_only_when_asked_for()
    {
        await using var without = await ModelAsync("--Canopy:VectorStore=milvus");
        await using var with = await ModelAsync("--Canopy:VectorStore=milvus", "--Canopy:Milvus:Attu=true");

        Assert.DoesNotContain(without.Resources, r => r.Name == "milvus-attu");
        var attu = Assert.Single(with.Resources, r => r.Name == "milvus-attu");
        Assert.Contains(attu.Annotations.OfType<ManifestPublishingCallbackAnnotation>(), a => a.Callback is null);
        Assert.Equal("milvus:19530", (await EnvironmentOf(attu))["MILVUS_URL"]);
    }

    [Fact]
    public async Task An_unknown_mode_is_refused_with_the_allowed_values()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var builder = await ModelAsync("--Canopy:Llm=gpt");
        });
        Assert.Contains("'gpt'", error.Message);
        Assert.Contains("Canopy:Llm is one of embedded, extractive, vllm, endpoint", error.Message);
    }
}
