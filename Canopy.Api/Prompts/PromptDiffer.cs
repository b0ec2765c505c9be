using System.Globalization;
using Canopy.Contracts.Prompts;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Canopy.Api.Prompts;

/// <summary>What changed between two versions: the system prompt line by line (DiffPlex) and the settings that differ.</summary>
public static class PromptDiffer
{
    public static PromptDiff Diff(PromptVersion from, PromptVersion to)
    {
        var lines = InlineDiffBuilder.Diff(from.SystemPrompt, to.SystemPrompt, ignoreWhiteSpace: false).Lines
            .Select(l => new PromptDiffLine(l.Type switch { ChangeType.Inserted => "added", ChangeType.Deleted => "removed", _ => "same" }, l.Text))
            .ToList();
        var settings = new List<PromptSettingChange>();
        void Compare(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal)) settings.Add(new PromptSettingChange(name, a, b));
        }
        Compare("temperature", from.Temperature.ToString(CultureInfo.InvariantCulture), to.Temperature.ToString(CultureInfo.InvariantCulture));
        Compare("maxTokens", from.MaxTokens.ToString(CultureInfo.InvariantCulture), to.MaxTokens.ToString(CultureInfo.InvariantCulture));
        Compare("model", from.Model, to.Model);
        return new PromptDiff(from.Feature, from.Version, to.Version, lines, settings);
    }
}
