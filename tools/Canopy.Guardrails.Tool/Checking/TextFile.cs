using System.Text.Json;

namespace Canopy.Guardrails.Tool.Checking;

/// <summary>One text to check, where it came from ("line 12", "text 1") and the group it is counted in, if any.</summary>
public sealed record CheckedText(string Where, string Text, string? Group = null);

/// <summary>Reads the texts to check from a file: JSON Lines (a <c>text</c> string on each line) or plain text (one text a line).</summary>
public static class TextFile
{
    public const string NoGroup = "(none)";

    /// <param name="groupField">a JSON Lines field whose value groups the texts in the summary (a dataset, a label)</param>
    public static IReadOnlyList<CheckedText> Read(string path, string? groupField = null)
    {
        var jsonLines = path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        if (groupField is not null && !jsonLines)
            throw new InvalidDataException($"--group-by names a field of JSON Lines; {path} is read as plain text, one text a line.");
        var texts = new List<CheckedText>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            texts.Add(jsonLines ? Parse(line, $"line {number}", path, groupField) : new CheckedText($"line {number}", line));
        }
        return texts.Count > 0 ? texts : throw new InvalidDataException($"{path} holds no text to check.");
    }

    private static CheckedText Parse(string line, string where, string path, string? groupField)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}, {where}: not JSON ({e.Message})");
        }
        using (document)
        {
            var row = document.RootElement;
            if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{path}, {where}: expected an object with a \"text\" string.");
            var group = groupField is null ? null
                : !row.TryGetProperty(groupField, out var value) || value.ValueKind == JsonValueKind.Null ? NoGroup
                : value.ValueKind == JsonValueKind.String ? value.GetString()
                : value.GetRawText();
            return new CheckedText(where, text.GetString()!, group);
        }
    }
}
