using System.Diagnostics;
using Canopy.Api;
using Canopy.Api.Llm;
using Canopy.Api.Llm.Embedded;
using Canopy.Contracts.Search;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Canopy.IntegrationTests.Llm;

/// <summary>When the embedded model cannot be had, canopy-be says why and answers extractively.</summary>
public sealed class EmbeddedFallbackTests
{
    private static readonly Passage[] Passages =
    [
        new(1, "c1", "lecture-notes-quantum-entanglement", "Quantum Entanglement", "corpus/e.md", "PHYS-214", "Quantum Entanglement > Bell states",
            "Entangled particles share one quantum state. Measuring one fixes the correlations of the other.", 0.03, 0.71),
    ];

    [Fact]
    public async Task A_checksum_mismatch_fails_the_model_and_answers_extractively_with_the_reason()
    {
        var model = TinyGguf.Build();
        await using var server = await ModelFileServer.StartAsync(model);
        await using var host = await EmbeddedHost.StartAsync(server.Url, new string('a', 64));

        Assert.Equal(ModelState.Failed, host.Status.State);
        Assert.Contains("SHA-256", host.Status.Reason);
        Assert.Empty(Directory.GetFiles(Path.Combine(host.CacheDirectory, "models")));
        await AssertExtractiveAsync(host, "SHA-256");
    }

    [Fact]
    public async Task An_unreachable_server_fails_the_model_and_answers_extractively_with_the_reason()
    {
        await using var host = await EmbeddedHost.StartAsync(ModelFileServer.UnreachableUrl(), new string('a', 64));

        Assert.Equal(ModelState.Failed, host.Status.State);
        Assert.Contains("the download from 127.0.0.1 failed", host.Status.Reason);
        await AssertExtractiveAsync(host, "127.0.0.1");
    }

    private static async Task AssertExtractiveAsync(EmbeddedHost host, string reason)
    {
        var provider = host.Provider;
        Assert.True(provider.IsExtractive);
        Assert.Contains(reason, provider.Notice);
        Assert.Contains("extracts", provider.Notice);

        using var spans = new SpanRecorder();
        using var turn = new Activity("test-turn").Start();
        var result = await host.GenerateAsync("Explain quantum entanglement", Passages, _ => Task.CompletedTask);
        turn.Stop();
        Assert.Contains("Entangled particles share one quantum state.", result.Text);
        var generate = spans.Single(ApiTelemetry.GenerateSpan("extractive"), turn.TraceId);
        Assert.DoesNotContain(spans.Spans, s => s.ParentSpanId == generate.SpanId);

        var health = (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries[ModelHealthCheck.Name];
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains(reason, health.Description);

        var status = LlmStatusEndpoints.GetStatus(host.Services.GetRequiredService<ILlmProviderAccessor>(), host.Services).Value!;
        Assert.Equal(("extractive", "failed"), (status.Provider, status.State));
        Assert.Contains(reason, status.Reason);
    }
}
