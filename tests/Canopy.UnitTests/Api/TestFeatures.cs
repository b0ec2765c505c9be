using Canopy.Api.Features;
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
        builder.Configuration["Canopy:Settings:DataPath"] = Directory.CreateTempSubdirectory("canopy-settings-").FullName;
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddFeatures();
        return builder.Services.BuildServiceProvider().GetRequiredService<FeatureCatalog>();
    }
}
