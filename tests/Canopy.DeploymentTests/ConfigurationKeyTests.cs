using System.Reflection;
using Canopy.Api.Features;

namespace Canopy.DeploymentTests;

/// <summary>Every key the ConfigMaps set is a setting some service binds, so a typo cannot pass unnoticed as a default.</summary>
public sealed class ConfigurationKeyTests
{
    private static readonly Assembly[] ServiceAssemblies =
        [typeof(Canopy.Web.Chat.ChatUiOptions).Assembly, typeof(Canopy.Api.Llm.GenerationOptions).Assembly, typeof(Canopy.Rag.RagTelemetry).Assembly,
            typeof(Canopy.Calendar.Events.CalendarOptions).Assembly, typeof(Canopy.Contracts.ModeOptions).Assembly];

    [Theory]
    [InlineData("embedded")]
    [InlineData("gpu")]
    public void Every_configmap_key_is_a_bound_setting(string overlay)
    {
        var known = KnownKeys();
        foreach (var (map, literals) in KustomizeTree.Load(RepoFiles.Overlay(overlay)).ConfigMaps)
            foreach (var key in literals.Keys)
                Assert.True(known.Contains(key), $"{map}: {key} is not a setting of canopy-ui, canopy-be, canopy-rag or canopy-calendar");
    }

    [Fact]
    public void The_known_keys_include_the_modes_and_the_features()
    {
        var known = KnownKeys();
        Assert.Contains("Canopy__VectorStore", known);
        Assert.Contains("Canopy__Llm", known);
        Assert.Contains("Canopy__Features__summarize__Enabled", known);
        Assert.DoesNotContain("Canopy__Features__summarise__Enabled", known);
    }

    // Options classes declare their section as a constant; features bind Canopy:Features:<id> per feature id.
    private static HashSet<string> KnownKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in ServiceAssemblies.SelectMany(a => a.GetTypes()))
            if (type.GetField("Section") is { IsLiteral: true } field && field.GetRawConstantValue() is string section)
                foreach (var property in type.GetProperties().Where(p => p.CanWrite))
                    keys.Add($"{section}:{property.Name}".Replace(":", "__"));
        foreach (var id in FeatureCatalog.Ids)
            foreach (var property in typeof(FeatureSettings).GetProperties().Where(p => p.CanWrite))
                keys.Add($"Canopy__Features__{id}__{property.Name}");
        return keys;
    }
}
