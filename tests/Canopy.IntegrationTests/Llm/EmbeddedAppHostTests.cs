using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Canopy.IntegrationTests.Llm;

/// <summary>The AppHost's wiring of the embedded mode (the app model only; nothing is started).</summary>
public sealed class EmbeddedAppHostTests
{
    [Theory]
    [InlineData("embedded", true)]
    [InlineData("extractive", false)]
    public async Task Only_the_embedded_mode_shows_the_models_progress_in_canopy_be_health(string mode, bool expected)
    {
        // Read from the builder: building the application and disposing it unstarted costs 30 s a case.
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Canopy_AppHost>([$"Canopy:Llm={mode}"]);

        var api = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "canopy-be");
        var checks = api.Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key).ToList();
        Assert.Equal(expected, checks.Contains("canopy-be-model"));
    }
}
