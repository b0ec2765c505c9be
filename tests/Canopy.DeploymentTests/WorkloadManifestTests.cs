using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Canopy.DeploymentTests;

/// <summary>The OpenShift workloads read from deploy/openshift: parse, restricted-SCC security, probes, resources, images.</summary>
public sealed partial class WorkloadManifestTests
{
    public static TheoryData<string> Services => new() { "canopy-ui", "canopy-be", "canopy-rag", "canopy-calendar" };
    public static TheoryData<string> Overlays => new() { "embedded", "gpu" };

    private static readonly KustomizeTree Gpu = KustomizeTree.Load(RepoFiles.Overlay("gpu"));
    private static readonly KustomizeTree Embedded = KustomizeTree.Load(RepoFiles.Overlay("embedded"));

    [Fact]
    public void Every_yaml_file_parses_into_named_kubernetes_objects()
    {
        var files = Directory.GetFiles(RepoFiles.OpenShift, "*.yaml", SearchOption.AllDirectories);
        Assert.True(files.Length >= 10, $"only {files.Length} YAML files under deploy/openshift");
        foreach (var file in files)
            foreach (var doc in YamlDocuments.LoadFile(file))
            {
                Assert.False(string.IsNullOrEmpty(doc["apiVersion"].Text()), file);
                Assert.False(string.IsNullOrEmpty(doc.Kind()), file);
                if (doc.Kind() != "Kustomization") Assert.False(string.IsNullOrEmpty(doc.Name()), file);
            }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_gets_the_sdk_environment_injected_not_a_second_agent(string service)
    {
        var annotations = Gpu.Get("Deployment", service)["spec"]!["template"]!["metadata"]!["annotations"]!.AsObject();
        Assert.Equal("true", annotations["instrumentation.opentelemetry.io/inject-sdk"].Text());
        Assert.DoesNotContain(annotations, a => a.Key == "instrumentation.opentelemetry.io/inject-dotnet");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_is_probed_on_health_and_alive_and_has_requests_and_limits(string service)
    {
        var container = KustomizeTree.Containers(Gpu.Get("Deployment", service)).Single();
        Assert.Equal("/health", container["readinessProbe"]!["httpGet"]!["path"].Text());
        Assert.Equal("/alive", container["livenessProbe"]!["httpGet"]!["path"].Text());
        foreach (var bound in new[] { "requests", "limits" })
            foreach (var resource in new[] { "cpu", "memory" })
                Assert.False(string.IsNullOrEmpty(container["resources"]?[bound]?[resource]?.ToString()), $"{service} {bound}.{resource}");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_that_crashes_or_hangs_is_restarted_by_the_cluster(string service)
    {
        var deployment = Gpu.Get("Deployment", service);
        // Deployments allow only Always (the default): the kubelet restarts an exited container; the liveness probe a hung one.
        Assert.Contains(deployment["spec"]!["template"]!["spec"]!["restartPolicy"].Text(), new[] { null, "Always" });
        var liveness = KustomizeTree.Containers(deployment).Single()["livenessProbe"]!;
        Assert.Equal("/alive", liveness["httpGet"]!["path"].Text());
        Assert.True(int.Parse(liveness["failureThreshold"]?.ToString() ?? "3") >= 2, $"{service}: one slow answer must not restart it");
    }

    [Fact]
    public void Canopy_rag_is_ready_once_its_index_is_open_and_ingestion_never_holds_it_back()
    {
        var container = KustomizeTree.Containers(Gpu.Get("Deployment", "canopy-rag")).Single();
        // /health answers 200 while ingestion is Degraded; the startup probe only waits for the process, not for the corpus.
        Assert.Equal("/health", container["readinessProbe"]!["httpGet"]!["path"].Text());
        Assert.Equal("/alive", container["startupProbe"]!["httpGet"]!["path"].Text());
        // Probed often enough that a restarted pod is back in the Service within seconds of its index opening.
        Assert.True(int.Parse(container["readinessProbe"]!["periodSeconds"]!.ToString()) <= 5);
        var startup = container["startupProbe"]!;
        Assert.True(int.Parse(startup["periodSeconds"]!.ToString()) * int.Parse(startup["failureThreshold"]!.ToString()) <= 120,
            "the startup probe no longer allows for embedding the whole corpus");
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_pod_fits_the_restricted_security_context_constraint(string overlay)
    {
        var tree = overlay == "gpu" ? Gpu : Embedded;
        foreach (var workload in tree.Resources.Where(r => r.Kind() is "Deployment" or "StatefulSet"))
        {
            var pod = workload["spec"]!["template"]!["spec"]!;
            Assert.Equal("true", pod["securityContext"]?["runAsNonRoot"].Text());
            Assert.Equal("RuntimeDefault", pod["securityContext"]?["seccompProfile"]?["type"].Text());
            foreach (var container in KustomizeTree.Containers(workload))
                AssertRestricted(workload.Name(), container);
        }
        foreach (var runtime in tree.OfKind("ServingRuntime"))
            foreach (var container in runtime["spec"]!["containers"]!.AsArray())
                AssertRestricted(runtime.Name(), container!.AsObject());
    }

    [Fact]
    public void No_file_pins_a_user_id_so_openshift_can_assign_one()
    {
        foreach (var file in Directory.GetFiles(RepoFiles.OpenShift, "*.yaml", SearchOption.AllDirectories))
            Assert.DoesNotMatch(RunAsUser(), File.ReadAllText(file));
    }

    [Theory]
    [InlineData("canopy-ui", "Canopy.Web")]
    [InlineData("canopy-be", "Canopy.Api")]
    [InlineData("canopy-rag", "Canopy.Rag")]
    [InlineData("canopy-calendar", "Canopy.Calendar")]
    public void Images_and_ports_agree_with_the_project_container_settings(string service, string project)
    {
        var container = KustomizeTree.Containers(Gpu.Get("Deployment", service)).Single();
        var image = container["image"].Text()!.Split(':');
        Assert.Equal(RepoFiles.ProjectProperty(project, "ContainerRepository"), image[0]);
        var tags = RepoFiles.ProjectProperty(project, "ContainerImageTags")!.Split(';');
        Assert.Contains(image[1], tags);
        Assert.Contains(Gpu.Images[image[0]].NewTag, tags);
        Assert.EndsWith("/" + image[0], Gpu.Images[image[0]].NewName);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", RepoFiles.ProjectProperty(project, "ContainerBaseImage"));
        Assert.NotEqual("0", RepoFiles.ProjectProperty(project, "ContainerUser"));
        Assert.NotEqual("root", RepoFiles.ProjectProperty(project, "ContainerUser"));

        var port = container["ports"]!.AsArray().Single()!;
        Assert.Equal(Gpu.EffectiveEnv(container)["HTTP_PORTS"], port["containerPort"]!.ToString());
        var servicePort = Gpu.Get("Service", service)["spec"]!["ports"]!.AsArray().Single()!;
        Assert.Equal(port["name"].Text(), servicePort["targetPort"].Text());
    }

    // Every option a service reads a data directory from (Section + ...DataPath or ...CacheDirectory): the container
    // runs with a read-only /app under an arbitrary UID, so the path must be on a mounted persistent volume.
    public static TheoryData<string, string> DataPaths()
    {
        var data = new TheoryData<string, string>();
        (string Service, Assembly Assembly)[] services =
        [
            ("canopy-ui", typeof(Canopy.Web.Chat.ChatUiOptions).Assembly),
            ("canopy-be", typeof(Canopy.Api.Llm.GenerationOptions).Assembly),
            ("canopy-rag", typeof(Canopy.Rag.RagTelemetry).Assembly),
            ("canopy-calendar", typeof(Canopy.Calendar.Events.CalendarOptions).Assembly),
        ];
        foreach (var (service, assembly) in services)
            foreach (var type in assembly.GetTypes())
                if (type.GetField("Section") is { IsLiteral: true } field && field.GetRawConstantValue() is string section)
                    foreach (var property in type.GetProperties().Where(p => p.Name.EndsWith("DataPath") || p.Name.EndsWith("CacheDirectory")))
                        data.Add(service, $"{section.Replace(":", "__")}__{property.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(DataPaths))]
    public void A_data_directory_is_a_persistent_volume(string service, string variable)
    {
        var deployment = Gpu.Get("Deployment", service);
        var container = KustomizeTree.Containers(deployment).Single();
        var dataPath = Gpu.EffectiveEnv(container).GetValueOrDefault(variable);
        Assert.True(dataPath is not null, $"{service} does not set {variable}");
        var mount = container["volumeMounts"]!.AsArray().Single(m => (dataPath + "/").StartsWith(m!["mountPath"].Text() + "/", StringComparison.Ordinal))!;
        var volume = deployment["spec"]!["template"]!["spec"]!["volumes"]!.AsArray().Single(v => v!["name"].Text() == mount["name"].Text())!;
        Gpu.Get("PersistentVolumeClaim", volume["persistentVolumeClaim"]!["claimName"].Text()!);
        // A ReadWriteOnce volume cannot be held by the old and the new pod at once.
        Assert.Equal("Recreate", deployment["spec"]!["strategy"]!["type"].Text());
    }

    [Fact]
    public void Milvus_is_probed_on_its_health_port()
    {
        var container = KustomizeTree.Containers(Gpu.Get("StatefulSet", "milvus")).Single();
        var healthPort = container["ports"]!.AsArray().Single(p => p!["containerPort"]!.ToString() == "9091")!["name"].Text();
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/healthz", container[probe]!["httpGet"]!["path"].Text());
            Assert.Equal(healthPort, container[probe]!["httpGet"]!["port"].Text());
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void A_variable_reference_names_a_variable_defined_before_it(string overlay)
    {
        var tree = overlay == "gpu" ? Gpu : Embedded;
        foreach (var container in tree.Resources.Where(r => r.Kind() is "Deployment" or "StatefulSet").SelectMany(KustomizeTree.Containers))
        {
            var defined = new HashSet<string>();
            foreach (var variable in container["env"]?.AsArray() ?? [])
            {
                foreach (Match reference in VariableReference().Matches(variable!["value"].Text() ?? ""))
                    Assert.True(defined.Contains(reference.Groups[1].Value), $"{variable["name"]} uses $({reference.Groups[1].Value}) before it is defined");
                defined.Add(variable["name"].Text()!);
            }
        }
    }

    [Fact]
    public void The_embedded_overlay_runs_without_milvus_or_a_gpu()
    {
        Assert.DoesNotContain(Embedded.Resources, r => r.Kind() is "StatefulSet" or "InferenceService" or "ServingRuntime");
        Assert.Equal("embedded", Embedded.ConfigMaps["canopy-config"]["Canopy__VectorStore"]);
        Assert.Contains(Embedded.ConfigMaps["canopy-config"]["Canopy__Llm"], new[] { "extractive", "embedded" });
        foreach (var container in Embedded.OfKind("Deployment").SelectMany(KustomizeTree.Containers))
            Assert.DoesNotContain(Embedded.EffectiveEnv(container).Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
        Assert.Equal("milvus", Gpu.ConfigMaps["canopy-config"]["Canopy__VectorStore"]);
        Assert.Equal("vllm", Gpu.ConfigMaps["canopy-config"]["Canopy__Llm"]);
    }

    [Fact]
    public void Only_canopy_ui_is_reachable_from_outside()
    {
        var route = Gpu.OfKind("Route").Single();
        Assert.Equal("canopy-ui", route["spec"]!["to"]!["name"].Text());
        Assert.Equal("edge", route["spec"]!["tls"]!["termination"].Text());
        Assert.Equal("Redirect", route["spec"]!["tls"]!["insecureEdgeTerminationPolicy"].Text());
        // TLS ends at the Route, so HSTS is the Route's to send: the pods only ever see plain HTTP.
        Assert.StartsWith("max-age=31536000", route["metadata"]!["annotations"]!["haproxy.router.openshift.io/hsts_header"].Text());
    }

    private static void AssertRestricted(string workload, JsonObject container)
    {
        var security = container["securityContext"];
        Assert.True(security?["allowPrivilegeEscalation"].Text() == "false", $"{workload}: allowPrivilegeEscalation must be false");
        Assert.Equal(["ALL"], security!["capabilities"]!["drop"]!.AsArray().Select(c => c.Text()));
        Assert.Null(security["capabilities"]!["add"]);
        Assert.NotEqual("true", security["privileged"].Text());
    }

    [GeneratedRegex(@"runAsUser\s*:")]
    private static partial Regex RunAsUser();

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex VariableReference();
}
