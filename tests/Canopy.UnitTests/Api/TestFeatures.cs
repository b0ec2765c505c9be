using Canopy.Api.Features;
using Canopy.Api.Prompts;
using Canopy.TestUtilities.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Api;

/// <summary>The feature catalog exactly as canopy-be builds it, over optional configuration.</summary>
public static class TestFeatures
{
    public static FeatureCatalog Catalog(Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        // Admins' switches start empty, in a folder of this catalog's own.
        builder.Configuration["Canopy:Settings:DataPath"] = TestDirectory.Create("canopy-settings-");
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddFeatures();
        return builder.Services.BuildServiceProvider().GetRequiredService<FeatureCatalog>();
    }

    /// <summary>A prompt registry over the catalog, in a folder of its own; each feature's configured prompt is its version 1.</summary>
    public static PromptRegistry Registry(FeatureCatalog catalog)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Canopy:Prompts:DataPath"] = TestDirectory.Create("canopy-prompts-");
        builder.Services.AddSingleton(catalog);
        builder.AddPrompts();
        return builder.Services.BuildServiceProvider().GetRequiredService<PromptRegistry>();
    }
}
