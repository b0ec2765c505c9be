using Canopy.Api.Llm.Embedded;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.UnitTests.Llm;

public sealed class ModelStatusTests
{
    private static async Task<HealthCheckResult> HealthAsync(ModelStatus status) =>
        await new ModelHealthCheck(status).CheckHealthAsync(new HealthCheckContext());

    [Fact]
    public async Task A_download_in_progress_is_healthy_and_its_percentage_is_the_description_and_the_notice()
    {
        var status = new ModelStatus("qwen");
        status.Report(status.Current with { State = ModelState.Downloading, BytesDone = 150L << 20, BytesTotal = 400L << 20 });

        var health = await HealthAsync(status);

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal("Downloading the model qwen: 37.5% (150 of 400 MiB).", health.Description);
        Assert.Equal(37.5, health.Data["percent"]);
        Assert.StartsWith("Downloading the model qwen: 37.5%", EmbeddedProviderAccessor.Notice(status.Current));
        Assert.EndsWith("Until it is ready, answers are extracts of the course documents.", EmbeddedProviderAccessor.Notice(status.Current));
    }

    [Fact]
    public async Task A_failed_model_is_degraded_not_unhealthy_and_says_why()
    {
        var status = new ModelStatus("qwen");
        status.Set(ModelState.Failed, "the download from huggingface.co failed: Name or service not known");

        var health = await HealthAsync(status);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("The model qwen is unavailable: the download from huggingface.co failed: Name or service not known.", health.Description);
    }
}
