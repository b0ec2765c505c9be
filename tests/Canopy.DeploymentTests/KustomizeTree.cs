using System.Text.Json.Nodes;

namespace Canopy.DeploymentTests;

/// <summary>
/// An overlay read from its files without kubectl: resources (recursively), configMapGenerator literals, images,
/// and the one kind of patch the overlays use (container env by name). Anything else in a patch is refused, and
/// KustomizeRenderTests checks the result against `kubectl kustomize` where kubectl exists.
/// </summary>
internal sealed class KustomizeTree
{
    public List<JsonObject> Resources { get; } = [];
    public Dictionary<string, Dictionary<string, string>> ConfigMaps { get; } = [];
    public Dictionary<string, (string NewName, string NewTag)> Images { get; } = [];
    public string? Namespace { get; private set; }

    public static KustomizeTree Load(string dir)
    {
        var tree = new KustomizeTree();
        var kustomization = YamlDocuments.LoadFile(Path.Combine(dir, "kustomization.yaml")).Single();
        tree.Namespace = kustomization["namespace"].Text();
        foreach (var entry in kustomization["resources"]?.AsArray() ?? [])
        {
            var path = Path.GetFullPath(Path.Combine(dir, entry.Text()!));
            if (Directory.Exists(path)) tree.Include(Load(path));
            else tree.Resources.AddRange(YamlDocuments.LoadFile(path));
        }
        foreach (var generator in kustomization["configMapGenerator"]?.AsArray() ?? [])
            tree.Generate(generator!.AsObject());
        foreach (var image in kustomization["images"]?.AsArray() ?? [])
            tree.Images[image!["name"].Text()!] = (image["newName"].Text()!, image["newTag"].Text()!);
        foreach (var patch in kustomization["patches"]?.AsArray() ?? [])
            foreach (var doc in YamlDocuments.LoadFile(Path.Combine(dir, patch!["path"].Text()!)))
                tree.PatchEnv(doc);
        return tree;
    }

    public JsonObject Get(string kind, string name) =>
        Resources.SingleOrDefault(r => r.Kind() == kind && r.Name() == name)
        ?? throw new KeyNotFoundException($"No {kind} {name}");

    public IEnumerable<JsonObject> OfKind(string kind) => Resources.Where(r => r.Kind() == kind);

    public static IEnumerable<JsonObject> Containers(JsonObject workload) =>
        workload["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!.AsObject());

    /// <summary>What the process sees: envFrom ConfigMaps of this overlay in order, then env (null where the value comes from a Secret).</summary>
    public Dictionary<string, string?> EffectiveEnv(JsonObject container)
    {
        var env = new Dictionary<string, string?>();
        foreach (var source in container["envFrom"]?.AsArray() ?? [])
            if (source!["configMapRef"]?["name"].Text() is { } map && ConfigMaps.TryGetValue(map, out var literals))
                foreach (var (key, value) in literals) env[key] = value;
        foreach (var variable in container["env"]?.AsArray() ?? [])
            env[variable!["name"].Text()!] = variable["value"].Text();
        return env;
    }

    /// <summary>The image a container pulls once this overlay's images: entries have renamed and retagged it.</summary>
    public string EffectiveImage(JsonObject container)
    {
        var image = container["image"].Text()!;
        // A tag follows the last ':' after the last '/'; a registry port does not count.
        var tag = image.LastIndexOf(':') is var colon && colon > image.LastIndexOf('/') ? colon : image.Length;
        return Images.TryGetValue(image[..tag], out var to) ? $"{to.NewName}:{to.NewTag}" : image;
    }

    /// <summary>Every container of the overlay with the resource holding it: pod templates and KServe ServingRuntimes alike.</summary>
    public IEnumerable<(JsonObject Resource, JsonObject Container)> AllContainers() =>
        Resources.SelectMany(r => (r["spec"]?["template"]?["spec"]?["containers"] ?? r["spec"]?["containers"])?.AsArray()
            .Select(c => (r, c!.AsObject())) ?? []);

    private void Include(KustomizeTree child)
    {
        Resources.AddRange(child.Resources);
        foreach (var (name, literals) in child.ConfigMaps) ConfigMaps[name] = new(literals);
        foreach (var (name, image) in child.Images) Images[name] = image;
    }

    private void Generate(JsonObject generator)
    {
        var name = generator["name"].Text()!;
        var literals = generator["behavior"].Text() == "merge" ? ConfigMaps[name] : ConfigMaps[name] = [];
        foreach (var literal in generator["literals"]?.AsArray() ?? [])
        {
            var text = literal.Text()!;
            var split = text.IndexOf('=');
            literals[text[..split]] = text[(split + 1)..];
        }
    }

    // Strategic merge of container env by name; new variables go first, as kustomize places them.
    private void PatchEnv(JsonObject patch)
    {
        var target = Get(patch.Kind(), patch.Name());
        foreach (var patchContainer in Containers(patch))
        {
            if (patchContainer.Select(p => p.Key).Except(["name", "env"]).Any())
                throw new NotSupportedException($"Patch of {patch.Name()} changes more than env; extend KustomizeTree.");
            var container = Containers(target).Single(c => c["name"].Text() == patchContainer["name"].Text());
            var env = container["env"]?.AsArray().Select(e => e!.DeepClone().AsObject()).ToList() ?? [];
            var added = new List<JsonObject>();
            foreach (var variable in patchContainer["env"]!.AsArray().Select(e => e!.DeepClone().AsObject()))
            {
                var index = env.FindIndex(e => e["name"].Text() == variable["name"].Text());
                if (index >= 0) env[index] = variable; else added.Add(variable);
            }
            container["env"] = new JsonArray([.. added.Concat(env)]);
        }
    }
}
