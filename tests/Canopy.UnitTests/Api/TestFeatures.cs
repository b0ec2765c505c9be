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
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddFeatures();
        return builder.Services.BuildServiceProvider().GetRequiredService<FeatureCatalog>();
    }
}
