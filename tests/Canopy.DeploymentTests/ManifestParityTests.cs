using System.Data.Common;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Canopy.DeploymentTests;

/// <summary>
/// The gpu overlay is the published shape (Milvus and vLLM): every variable the AppHost gives a resource must
/// reach the same workload on OpenShift under the same name, with the value the manifest's expression resolves
/// to in the cluster (services on their Service names, secret parameters from Secrets of the same name).
/// </summary>
[Collection(AspireManifestCollection.Name)]
public sealed partial class ManifestParityTests(AspireManifestFixture fixture)
{
    private const int ServicePort = 8080;
    private readonly KustomizeTree _gpu = KustomizeTree.Load(RepoFiles.Overlay("gpu"));

    [Theory]
    [InlineData("canopy-ui")]
    [InlineData("canopy-be")]
    [InlineData("canopy-rag")]
    [InlineData("canopy-calendar")]
    public void Every_variable_of_a_project_reaches_its_deployment(string project)
    {
        var container = KustomizeTree.Containers(_gpu.Get("Deployment", project)).Single();
        var cluster = _gpu.EffectiveEnv(container);
        // In the cluster TLS ends at the Route, so the services serve plain HTTP only.
        var expected = fixture.Resource(project)["env"]!.AsObject()
            .Where(e => !e.Key.Contains("__https__") && !e.Key.EndsWith("_HTTPS", StringComparison.Ordinal));
        foreach (var (name, value) in expected)
        {
            Assert.True(cluster.ContainsKey(name), $"{project} lacks {name} on OpenShift");
            AssertSameValue(project, container, name, value.Text()!, cluster[name]);
        }
    }

    [Fact]
    public void Milvus_runs_as_the_apphost_declares_it()
    {
        var milvus = fixture.Resource("milvus");
        var statefulSet = _gpu.Get("StatefulSet", "milvus");
        var container = KustomizeTree.Containers(statefulSet).Single();
        Assert.Equal(milvus["image"].Text(), container["image"].Text());
        Assert.Equal(milvus["args"]!.AsArray().Select(a => a.Text()), container["args"]!.AsArray().Select(a => a.Text()));
        foreach (var (name, value) in milvus["env"]!.AsObject())
            AssertSameValue("milvus", container, name, value.Text()!, _gpu.EffectiveEnv(container).GetValueOrDefault(name));
        foreach (var (_, binding) in milvus["bindings"]!.AsObject())
            Assert.Contains(Ports(_gpu.Get("Service", "milvus")), p => p == (int)binding!["targetPort"]!);
        Assert.Equal(milvus["volumes"]![0]!["target"].Text(),
            container["volumeMounts"]!.AsArray().Single(m => m!["name"].Text() == "data")!["mountPath"].Text());
    }

    [Fact]
    public void Vllm_serves_the_apphost_model_under_its_served_name()
    {
        var vllm = fixture.Resource("vllm");
        var runtime = _gpu.OfKind("ServingRuntime").Single();
        var service = _gpu.OfKind("InferenceService").Single();
        var container = runtime["spec"]!["containers"]!.AsArray().Single()!.AsObject();
        var args = container["args"]!.AsArray().Concat(service["spec"]!["predictor"]!["model"]!["args"]!.AsArray()).Select(a => a.Text()).ToList();

        Assert.Equal(vllm["image"].Text(), _gpu.EffectiveImage(container));
        Assert.Contains($"--model={Default("vllm-model")}", args);
        Assert.Contains("--served-model-name={{.Name}}", args);
        Assert.Equal(Default("vllm-served-model-name"), service.Name());
        Assert.Contains($"--port={vllm["bindings"]!["http"]!["targetPort"]}", args);
        AssertSameValue("vllm", container, "HF_TOKEN", vllm["env"]!["HF_TOKEN"].Text()!, null);
        Assert.Equal(vllm["env"]!["OTEL_SERVICE_NAME"].Text(), _gpu.EffectiveEnv(container)["OTEL_SERVICE_NAME"]);
    }

    private void AssertSameValue(string workload, JsonObject container, string name, string manifestValue, string? clusterValue)
    {
        if (SecretReference().Match(manifestValue) is { Success: true } whole && IsSecret(whole.Groups[1].Value))
        {
            Assert.Equal(whole.Groups[1].Value, SecretName(container, name));
            return;
        }
        var expected = Resolve(container, manifestValue);
        if (name.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
        {
            var actual = Parts(clusterValue!);
            foreach (var (key, value) in Parts(expected))
                Assert.True(actual.TryGetValue(key, out var got) && got == value, $"{workload} {name}: {key} should be {value}, is {got}");
            Assert.Empty(actual.Keys.Except(Parts(expected).Keys).Except(["key"]));
        }
        else
            Assert.True(expected == clusterValue, $"{workload} {name}: expected '{expected}', OpenShift has '{clusterValue}'");
    }

    // {resource.bindings.http.url}, {resource.connectionString}, {parameter.value}, as the cluster spells them.
    private string Resolve(JsonObject container, string value) => Reference().Replace(value, match =>
    {
        var (resource, path) = (match.Groups[1].Value, match.Groups[2].Value);
        var node = fixture.Resource(resource);
        return path switch
        {
            "connectionString" => Resolve(container, node["connectionString"].Text()!),
            "value" when IsSecret(resource) => $"$({EnvFromSecret(container, resource)})",
            "value" => Default(resource),
            "bindings.http.url" => $"http://{resource}:{Port(node)}",
            "bindings.http.targetPort" => Port(node).ToString(),
            _ => throw new NotSupportedException($"Manifest expression {match.Value}"),
        };
    });

    private int Port(JsonObject resource)
    {
        var port = (int?)resource["bindings"]!["http"]!["targetPort"] ?? ServicePort;
        Assert.Contains(port, Ports(_gpu.Get("Service", ResourceName(resource))));
        return port;
    }

    private string ResourceName(JsonObject resource) =>
        fixture.Manifest["resources"]!.AsObject().Single(r => ReferenceEquals(r.Value, resource)).Key;

    private bool IsSecret(string parameter) =>
        fixture.Resource(parameter)["inputs"]?["value"]?["secret"]?.ToString() == "true";

    private string Default(string parameter) => fixture.Resource(parameter)["inputs"]!["value"]!["default"]!["value"].Text() ?? "";

    private static string? SecretName(JsonObject container, string variable) =>
        container["env"]!.AsArray().Single(e => e!["name"].Text() == variable)!["valueFrom"]?["secretKeyRef"]?["name"].Text();

    private static string EnvFromSecret(JsonObject container, string secret) =>
        container["env"]!.AsArray().Single(e => e!["valueFrom"]?["secretKeyRef"]?["name"].Text() == secret)!["name"].Text()!;

    private static IEnumerable<int> Ports(JsonObject service) =>
        service["spec"]!["ports"]!.AsArray().Select(p => int.Parse(p!["port"]!.ToString()));

    private static Dictionary<string, string> Parts(string connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return builder.Keys.Cast<string>().ToDictionary(k => k, k => builder[k].ToString()!);
    }

    [GeneratedRegex(@"^\{([a-z0-9-]+)\.value\}$")]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"\{([a-z0-9-]+)\.([A-Za-z.]+)\}")]
    private static partial Regex Reference();
}
