using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Canopy.DeploymentTests;

/// <summary>Kubernetes YAML read with YamlDotNet into JSON nodes, which are easier to query; scalars stay strings.</summary>
internal static class YamlDocuments
{
    public static IReadOnlyList<JsonObject> LoadFile(string path) => Parse(File.ReadAllText(path), path);

    public static IReadOnlyList<JsonObject> Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
            stream.Load(reader);
        return stream.Documents
            .Where(d => d.RootNode is YamlMappingNode { Children.Count: > 0 })
            .Select(d => ToJson(d.RootNode) as JsonObject ?? throw new InvalidDataException($"{source}: a document is not a mapping"))
            .ToList();
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Value: var value, Style: var style } =>
            style == YamlDotNet.Core.ScalarStyle.Plain && value is "" or "~" or "null" ? null : JsonValue.Create(value),
        _ => throw new InvalidDataException($"Unsupported YAML node {node.NodeType}"),
    };

    public static string Kind(this JsonObject doc) => doc["kind"]!.GetValue<string>();

    public static string Name(this JsonObject doc) => doc["metadata"]!["name"]!.GetValue<string>();

    public static string? Text(this JsonNode? node) => node?.GetValue<string>();
}
