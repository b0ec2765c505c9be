using System.Text.Json.Nodes;
using Canopy.AppHost.Vllm;

namespace Canopy.DeploymentTests;

/// <summary>The manifest that azd and aspirate deploy, as the real AppHost writes it in publish mode.</summary>
[Collection(AspireManifestCollection.Name)]
public sealed class AspireManifestTests(AspireManifestFixture fixture)
{
    [Theory]
    [InlineData("canopy-ui", "project.v0")]
    [InlineData("canopy-be", "project.v0")]
    [InlineData("canopy-rag", "project.v0")]
    [InlineData("canopy-calendar", "project.v0")]
    [InlineData("milvus", "container.v0")]
    [InlineData("vllm", "container.v0")]
    public void Publishing_declares_every_resource_of_the_cluster_shape(string name, string type) =>
        Assert.Equal(type, fixture.Resource(name)["type"].Text());

    [Fact]
    public void Milvus_is_the_standalone_container_with_its_ports_and_a_secret_root_password()
    {
        var milvus = fixture.Resource("milvus");
        Assert.Matches(@"^docker\.io/milvusdb/milvus:v2\.5\.\d+$", milvus["image"].Text());
        Assert.Equal(["milvus", "run", "standalone"], milvus["args"]!.AsArray().Select(a => a.Text()));
        Assert.Equal("19530", milvus["bindings"]!["http"]!["targetPort"]!.ToString());
        Assert.Equal("9091", milvus["bindings"]!["health"]!["targetPort"]!.ToString());
        Assert.Equal("{milvus-root-password.value}", milvus["env"]!["COMMON_SECURITY_DEFAULTROOTPASSWORD"].Text());
        Assert.Equal("Endpoint={milvus.bindings.http.url};Key=root:{milvus-root-password.value};Database=default", milvus["connectionString"].Text());
    }

    [Fact]
    public void Vllm_serves_the_model_on_8000_and_exports_its_spans()
    {
        var vllm = fixture.Resource("vllm");
        // Not the stock vllm/vllm-openai image: it stops at start-up with the tracing flag below (VllmImageTests).
        Assert.Equal($"{VllmBuilderExtensions.DefaultImageRegistry}/{VllmBuilderExtensions.Image}:{VllmBuilderExtensions.ImageTag}", vllm["image"].Text());
        Assert.Equal("8000", vllm["bindings"]!["http"]!["targetPort"]!.ToString());
        Assert.Equal("{hf-token.value}", vllm["env"]!["HF_TOKEN"].Text());
        Assert.Contains("--otlp-traces-endpoint", string.Join(' ', vllm["args"]!.AsArray().Select(a => a.Text())));
        Assert.Equal("Endpoint={vllm.bindings.http.url}/v1;Model={vllm-served-model-name.value}", vllm["connectionString"].Text());
    }

    [Theory]
    [InlineData("milvus-root-password")]
    [InlineData("hf-token")]
    public void Credentials_are_secret_parameters_without_a_value_in_the_manifest(string name)
    {
        var parameter = fixture.Resource(name);
        Assert.Equal("parameter.v0", parameter["type"].Text());
        Assert.Equal("true", parameter["inputs"]!["value"]!["secret"]!.ToString());
        Assert.Null(parameter["inputs"]!["value"]!["default"]?["value"]);
    }

    [Fact]
    public void The_services_get_their_connection_strings_and_each_other_by_reference()
    {
        Assert.Equal("{milvus.connectionString}", Env("canopy-rag")["ConnectionStrings__milvus"].Text());
        Assert.Equal("{vllm.connectionString}", Env("canopy-be")["ConnectionStrings__llm"].Text());
        Assert.Equal("{canopy-rag.bindings.http.url}", Env("canopy-be")["services__canopy-rag__http__0"].Text());
        Assert.Equal("{canopy-calendar.bindings.http.url}", Env("canopy-be")["services__canopy-calendar__http__0"].Text());
        Assert.Equal("{canopy-be.bindings.http.url}", Env("canopy-ui")["services__canopy-be__http__0"].Text());
        Assert.Equal("true", fixture.Resource("canopy-ui")["bindings"]!["http"]!["external"]!.ToString());
        Assert.Null(fixture.Resource("canopy-be")["bindings"]!["http"]!["external"]);
        Assert.Null(fixture.Resource("canopy-calendar")["bindings"]!["http"]!["external"]);
    }

    [Fact]
    public void The_canopy_configuration_is_the_cluster_mode()
    {
        Assert.Equal("milvus", Env("canopy-rag")["Canopy__VectorStore"].Text());
        Assert.Equal("vllm", Env("canopy-be")["Canopy__Llm"].Text());
        Assert.Equal("{trace-url-template.value}", Env("canopy-ui")["Canopy__TraceUrlTemplate"].Text());
        // Message text in spans is a Development choice, never a published one.
        Assert.DoesNotContain("OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT", fixture.ManifestText);
    }

    private JsonObject Env(string project) => fixture.Resource(project)["env"]!.AsObject();
}
