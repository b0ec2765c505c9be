using System.Text.Json.Nodes;
using Canopy.AppHost.Vllm;

namespace Canopy.DeploymentTests;

/// <summary>The path of a span on OpenShift: service or vLLM → collector → Tempo, and the metrics beside it.</summary>
public sealed class TracingManifestTests
{
    private static readonly KustomizeTree Gpu = KustomizeTree.Load(RepoFiles.Overlay("gpu"));
    private static readonly JsonObject Collector = Gpu.OfKind("OpenTelemetryCollector").Single();

    // The operator names the collector's Service <name>-collector; its OTLP gRPC receiver listens on 4317.
    private static string CollectorGrpc => $"http://{Collector.Name()}-collector:4317";

    [Fact]
    public void Every_otlp_endpoint_is_the_collector()
    {
        var endpoints = Gpu.Resources.Where(r => r.Kind() is "Deployment" or "StatefulSet").SelectMany(KustomizeTree.Containers)
            .Concat(Gpu.OfKind("ServingRuntime").SelectMany(r => r["spec"]!["containers"]!.AsArray().Select(c => c!.AsObject())))
            .Select(c => (Name: c["name"].Text(), Endpoint: Gpu.EffectiveEnv(c).GetValueOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT")))
            .Where(c => c.Name != "milvus")
            .ToList();
        // The four Canopy services and vLLM.
        Assert.Equal(5, endpoints.Count);
        Assert.All(endpoints, e => Assert.Equal(CollectorGrpc, e.Endpoint));
        Assert.Equal(CollectorGrpc, Gpu.OfKind("Instrumentation").Single()["spec"]!["exporter"]!["endpoint"].Text());
        Assert.Equal("0.0.0.0:4317", Collector["spec"]!["config"]!["receivers"]!["otlp"]!["protocols"]!["grpc"]!["endpoint"].Text());
        Assert.NotNull(Collector["spec"]!["config"]!["receivers"]!["otlp"]!["protocols"]!["http"]);
    }

    [Fact]
    public void Vllm_sends_its_spans_to_the_collector_under_its_own_name()
    {
        var container = Gpu.OfKind("ServingRuntime").Single()["spec"]!["containers"]!.AsArray().Single()!.AsObject();
        Assert.Contains("--otlp-traces-endpoint=$(OTEL_EXPORTER_OTLP_ENDPOINT)", container["args"]!.AsArray().Select(a => a.Text()));
        // The flag needs the image built from deploy/vllm/Containerfile; the stock one stops at start-up with it.
        Assert.Equal($"{VllmBuilderExtensions.DefaultImageRegistry}/{VllmBuilderExtensions.Image}:{VllmBuilderExtensions.ImageTag}", Gpu.EffectiveImage(container));
        Assert.Equal("vllm", Gpu.EffectiveEnv(container)["OTEL_SERVICE_NAME"]);
    }

    [Fact]
    public void The_collector_limits_memory_first_enriches_with_kubernetes_and_batches_before_tempo()
    {
        var config = Collector["spec"]!["config"]!;
        var traces = config["service"]!["pipelines"]!["traces"]!;
        Assert.Equal(["memory_limiter", "k8sattributes", "batch"], traces["processors"]!.AsArray().Select(p => p.Text()));
        var exporter = traces["exporters"]!.AsArray().Single().Text()!;
        var tempo = Gpu.OfKind("TempoMonolithic").Single();
        Assert.Equal($"tempo-{tempo.Name()}:4317", config["exporters"]![exporter]!["endpoint"].Text());
        Assert.Equal("true", tempo["spec"]!["ingestion"]!["otlp"]!["grpc"]!["enabled"].Text());
        Assert.Equal("true", tempo["spec"]!["jaegerui"]!["route"]!["enabled"].Text());
    }

    [Fact]
    public void The_collector_account_may_read_pods_namespaces_and_replicasets()
    {
        var account = Collector["spec"]!["serviceAccount"].Text();
        var binding = Gpu.OfKind("ClusterRoleBinding").Single(b => b["subjects"]!.AsArray().Any(s => s!["name"].Text() == account));
        Assert.Equal(Gpu.Namespace, binding["subjects"]![0]!["namespace"].Text());
        var role = Gpu.Get("ClusterRole", binding["roleRef"]!["name"].Text()!);
        var granted = role["rules"]!.AsArray()
            .SelectMany(r => r!["resources"]!.AsArray().Select(res => (Resource: res.Text(), Verbs: r["verbs"]!.AsArray().Select(v => v.Text()).ToList())))
            .ToList();
        foreach (var resource in new[] { "pods", "namespaces", "replicasets" })
            Assert.Contains(granted, g => g.Resource == resource && new[] { "get", "list", "watch" }.All(g.Verbs.Contains));
    }

    [Fact]
    public void The_instrumentation_propagates_w3c_context_and_samples_by_parent()
    {
        var spec = Gpu.OfKind("Instrumentation").Single()["spec"]!;
        Assert.Equal(["tracecontext", "baggage"], spec["propagators"]!.AsArray().Select(p => p.Text()));
        Assert.Equal("parentbased_traceidratio", spec["sampler"]!["type"].Text());
    }

    [Fact]
    public void The_vllm_workload_asks_for_a_gpu()
    {
        var service = Gpu.OfKind("InferenceService").Single();
        var resources = service["spec"]!["predictor"]!["model"]!["resources"]!;
        Assert.True(int.Parse(resources["requests"]!["nvidia.com/gpu"].Text()!) >= 1);
        Assert.Equal(resources["requests"]!["nvidia.com/gpu"].Text(), resources["limits"]!["nvidia.com/gpu"].Text());
        Assert.Equal(Gpu.OfKind("ServingRuntime").Single().Name(), service["spec"]!["predictor"]!["model"]!["runtime"].Text());
        // The stable vllm Service must select the predictor pods KServe labels with the InferenceService name.
        Assert.Equal(service.Name(), Gpu.Get("Service", "vllm")["spec"]!["selector"]!["serving.kserve.io/inferenceservice"].Text());
    }

    [Fact]
    public void Prometheus_scrapes_the_collector_exporter_and_vllm_metrics()
    {
        var monitors = Gpu.OfKind("ServiceMonitor").ToList();
        var exporterPort = Collector["spec"]!["config"]!["exporters"]!["prometheus"]!["endpoint"].Text()!.Split(':')[1];
        Assert.Contains("prometheus", Collector["spec"]!["config"]!["service"]!["pipelines"]!["metrics"]!["exporters"]!.AsArray().Select(e => e.Text()));
        Assert.Contains(monitors, m => ScrapedService(m) is { } s && s["spec"]!["ports"]!.AsArray().Any(p => p!["port"]!.ToString() == exporterPort));
        Assert.Contains(monitors, m => ScrapedService(m)?.Name() == "vllm" && m["spec"]!["endpoints"]![0]!["path"].Text() == "/metrics");
    }

    private static JsonObject? ScrapedService(JsonObject monitor)
    {
        var labels = monitor["spec"]!["selector"]!["matchLabels"]!.AsObject();
        return Gpu.OfKind("Service").SingleOrDefault(s =>
            labels.All(l => s["metadata"]!["labels"]?[l.Key].Text() == l.Value.Text()));
    }
}
