namespace Canopy.AppHost.Vllm;

public static class VllmBuilderExtensions
{
    /// <summary>The vLLM release; deploy/vllm/Containerfile builds on <c>docker.io/vllm/vllm-openai</c> at this tag.</summary>
    public const string Tag = "v0.11.0";
    /// <summary>The image built from deploy/vllm/Containerfile: the release plus the OpenTelemetry packages.</summary>
    public const string Image = "canopy-vllm";
    public const string ImageTag = Tag + "-otel";
    /// <summary>Where a cluster pulls the built image from unless <c>Canopy:Vllm:ImageRegistry</c> says otherwise.</summary>
    public const string DefaultImageRegistry = "image-registry.openshift-image-registry.svc:5000/canopy";
    /// <summary>The Containerfile's folder, relative to the AppHost project; it is also the build context.</summary>
    public const string ContainerfileDirectory = "../deploy/vllm";
    public const string Containerfile = "Containerfile";
    public const string DefaultModel = "Qwen/Qwen2.5-1.5B-Instruct";
    public const string DefaultServedModelName = "canopy-llm";

    /// <summary>
    /// vLLM serving one model on the GPU, its Hugging Face cache on a volume and its own spans sent to the
    /// same OTLP endpoint as the services, so they join the chat trace.
    /// </summary>
    public static IResourceBuilder<VllmResource> AddVllm(this IDistributedApplicationBuilder builder, string name)
    {
        var model = builder.AddParameter($"{name}-model", DefaultModel, publishValueAsDefault: true);
        var servedName = builder.AddParameter($"{name}-served-model-name", DefaultServedModelName, publishValueAsDefault: true);
        var hfToken = builder.AddParameter("hf-token", secret: true);
        var gpuArgs = (builder.Configuration["Canopy:Vllm:GpuArgs"] ?? "--gpus all").Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var vllm = new VllmResource(name, model.Resource, servedName.Resource);
        return builder.AddResource(vllm)
            .WithTracingImage()
            .WithHttpEndpoint(targetPort: 8000, name: VllmResource.PrimaryEndpointName)
            .WithContainerRuntimeArgs(gpuArgs)
            .WithVolume("canopy-hf-cache", "/root/.cache/huggingface")
            .WithEnvironment("VLLM_MODEL", model)
            .WithEnvironment("VLLM_SERVED_MODEL_NAME", servedName)
            .WithEnvironment("HF_TOKEN", hfToken)
            .WithEnvironment("OTEL_SERVICE_NAME", name)
            .WithOtlpExporter()
            // A shell expands the OTLP endpoint that Aspire (or the cluster) injects into vLLM's tracing flag.
            .WithEntrypoint("/bin/sh")
            // The student assistant calls tools: vLLM parses the model's tool calls only when asked to (hermes: Qwen2.5's format).
            .WithArgs("-c", "exec vllm serve \"$VLLM_MODEL\" --served-model-name \"$VLLM_SERVED_MODEL_NAME\" --host 0.0.0.0 --port 8000 --otlp-traces-endpoint \"$OTEL_EXPORTER_OTLP_ENDPOINT\" --enable-auto-tool-choice --tool-call-parser hermes")
            .WithHttpHealthCheck("/health", endpointName: VllmResource.PrimaryEndpointName);
    }

    // The stock image stops at start-up with --otlp-traces-endpoint: run mode builds the Containerfile, a cluster pulls its pushed build.
    private static IResourceBuilder<VllmResource> WithTracingImage(this IResourceBuilder<VllmResource> vllm)
    {
        var builder = vllm.ApplicationBuilder;
        // WithDockerfile keeps an image already set (it tags its local build itself), and refuses a resource without one.
        vllm.WithImage(Image, ImageTag);
        return builder.ExecutionContext.IsPublishMode
            ? vllm.WithImageRegistry(builder.Configuration["Canopy:Vllm:ImageRegistry"] ?? DefaultImageRegistry)
            : vllm.WithDockerfile(ContainerfileDirectory, Containerfile);
    }
}
