using System.Diagnostics;

namespace Canopy.DeploymentTests;

/// <summary>`kubectl kustomize` renders every overlay, and the rendering agrees with what the other tests read from the files.</summary>
public sealed class KustomizeRenderTests
{
    [SkippableTheory]
    [InlineData("embedded")]
    [InlineData("gpu")]
    public async Task Kubectl_renders_the_overlay_as_the_tests_read_it(string overlay)
    {
        var rendered = await RenderAsync(RepoFiles.Overlay(overlay));
        var docs = YamlDocuments.Parse(rendered, overlay);
        var tree = KustomizeTree.Load(RepoFiles.Overlay(overlay));

        Assert.Equal(tree.Resources.Count + tree.ConfigMaps.Count, docs.Count);
        Assert.All(docs.Where(d => d.Kind() is not ("ClusterRole" or "ClusterRoleBinding")),
            d => Assert.Equal(tree.Namespace, d["metadata"]!["namespace"].Text()));
        foreach (var deployment in docs.Where(d => d.Kind() == "Deployment"))
        {
            var container = KustomizeTree.Containers(deployment).Single();
            var expected = KustomizeTree.Containers(tree.Get("Deployment", deployment.Name())).Single();
            Assert.Equal(expected["env"]!.AsArray().Select(e => e!["name"].Text()), container["env"]!.AsArray().Select(e => e!["name"].Text()));
            var (name, image) = tree.Images[expected["image"].Text()!.Split(':')[0]];
            Assert.Equal($"{name}:{image}", container["image"].Text());
            // The generated ConfigMap gets a hash suffix; the reference must follow it.
            var map = container["envFrom"]![0]!["configMapRef"]!["name"].Text()!;
            Assert.StartsWith("canopy-config-", map);
            Assert.Contains(docs, d => d.Kind() == "ConfigMap" && d.Name() == map);
        }
        // kustomize sets images in KServe's ServingRuntime too, as the tests read them.
        foreach (var runtime in docs.Where(d => d.Kind() == "ServingRuntime"))
            Assert.Equal(tree.EffectiveImage(tree.Get("ServingRuntime", runtime.Name())["spec"]!["containers"]![0]!.AsObject()),
                runtime["spec"]!["containers"]![0]!["image"].Text());
    }

    private static async Task<string> RenderAsync(string directory)
    {
        var kubectl = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "kubectl")).FirstOrDefault(File.Exists);
        Skip.If(kubectl is null, "kubectl is not installed here, so the overlays are checked from their files only");

        var start = new ProcessStartInfo(kubectl!) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {await error}");
        return await output;
    }
}
