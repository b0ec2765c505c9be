using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Canopy.AppHost.Vllm;

namespace Canopy.DeploymentTests;

/// <summary>
/// vLLM traces only from the image built by deploy/vllm/Containerfile: the stock image lacks the OpenTelemetry packages
/// and stops at start-up when given --otlp-traces-endpoint, so wherever that flag is passed the built image must run.
/// </summary>
[Collection(AspireManifestCollection.Name)]
public sealed class VllmImageTests(AspireManifestFixture fixture)
{
    private const string TracingFlag = "--otlp-traces-endpoint";

    // The packages vLLM's OpenTelemetry example installs (vllm-project/vllm examples/online_serving/opentelemetry/README.md).
    private static readonly string[] VllmOpenTelemetryPackages =
        ["opentelemetry-sdk", "opentelemetry-api", "opentelemetry-exporter-otlp", "opentelemetry-semantic-conventions-ai"];

    private static readonly Containerfile Vllm = Containerfile.Load(Containerfile.VllmPath);
    private static readonly KustomizeTree Gpu = KustomizeTree.Load(RepoFiles.Overlay("gpu"));
    private static string BuiltImage => $"{VllmBuilderExtensions.DefaultImageRegistry}/{VllmBuilderExtensions.Image}:{VllmBuilderExtensions.ImageTag}";

    [Fact]
    public void The_containerfile_builds_on_the_vllm_release_the_apphost_names()
    {
        Assert.Equal($"docker.io/vllm/vllm-openai:{VllmBuilderExtensions.Tag}", Vllm.From);
        Assert.StartsWith(VllmBuilderExtensions.Tag + "-", VllmBuilderExtensions.ImageTag);
    }

    [Fact]
    public void The_containerfile_installs_every_opentelemetry_package_of_vllms_example()
    {
        var installed = Vllm.PipInstalled().ToHashSet();
        Assert.All(VllmOpenTelemetryPackages, package => Assert.Contains(Containerfile.Normalise(package), installed));
    }

    [Fact]
    public void Where_the_published_manifest_passes_the_tracing_flag_it_runs_the_built_image()
    {
        var tracing = fixture.Manifest["resources"]!.AsObject()
            .Where(r => r.Value!["args"]?.AsArray().Any(a => a.Text()!.Contains(TracingFlag)) == true)
            .ToList();
        Assert.NotEmpty(tracing);
        Assert.All(tracing, r => Assert.Equal(BuiltImage, r.Value!["image"].Text()));
    }

    [Fact]
    public void Where_the_gpu_overlay_passes_the_tracing_flag_it_runs_the_built_image()
    {
        var tracing = Gpu.AllContainers()
            .Where(c => (c.Container["args"]?.AsArray() ?? []).Concat(c.Container["command"]?.AsArray() ?? []).Any(a => a.Text()!.Contains(TracingFlag)))
            .ToList();
        Assert.NotEmpty(tracing);
        Assert.All(tracing, c => Assert.Equal(BuiltImage, Gpu.EffectiveImage(c.Container)));
    }

    [Fact]
    public void The_cluster_builds_the_image_the_overlay_pulls_from_the_containerfile()
    {
        var build = Gpu.Get("BuildConfig", VllmBuilderExtensions.Image);
        Assert.Equal("Binary", build["spec"]!["source"]!["type"].Text());
        Assert.Equal(Path.GetFileName(Containerfile.VllmPath), build["spec"]!["strategy"]!["dockerStrategy"]!["dockerfilePath"].Text());
        var output = build["spec"]!["output"]!["to"]!;
        Assert.Equal("ImageStreamTag", output["kind"].Text());
        Assert.Equal($"{VllmBuilderExtensions.Image}:{VllmBuilderExtensions.ImageTag}", output["name"].Text());
        Assert.NotNull(Gpu.Get("ImageStream", VllmBuilderExtensions.Image));
        // The internal registry serves an ImageStreamTag as <registry>/<namespace>/<stream>:<tag>.
        Assert.Equal($"image-registry.openshift-image-registry.svc:5000/{Gpu.Namespace}/{output["name"].Text()}", BuiltImage);
    }

    [Fact]
    public async Task Dotnet_run_builds_vllm_from_the_containerfile()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Canopy_AppHost>(["--Canopy:Llm=vllm"]);
        var vllm = Assert.Single(builder.Resources.OfType<VllmResource>());
        var build = Assert.Single(vllm.Annotations.OfType<DockerfileBuildAnnotation>());
        Assert.Equal(Containerfile.VllmPath, build.DockerfilePath);
        Assert.Equal(Path.GetDirectoryName(Containerfile.VllmPath), build.ContextPath);
    }
}
