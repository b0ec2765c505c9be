using System.Text.Json;
using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Remote;

namespace Canopy.IntegrationTests.Guardrails;

public sealed class RemoteGuardrailTests
{
    private const string HapAnswer = """
        {"detections":[{"start":0,"end":29,"text":"You dotard I hate this stuff!","detection":"single_label_classification",
        "detection_type":"LABEL_1","detector_id":"ibm-hap-38m-detector","score":0.86},
        {"start":4,"end":10,"text":"dotard","detection":"single_label_classification","detection_type":"LABEL_1","detector_id":"low-score","score":0.2}]}
        """;

    /// <summary>The real registration (AddGuardrails) with the orchestrator configured.</summary>
    private static IHost Host(string endpoint, string policy, string timeout = "00:00:10")
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Canopy:Guardrails:Remote:Endpoint"] = endpoint,
            ["Canopy:Guardrails:Remote:Detectors:ibm-hap-38m-detector:threshold"] = "0.5",
            ["Canopy:Guardrails:Remote:Timeout"] = timeout,
            ["Canopy:Guardrails:Remote:FailurePolicy"] = policy,
        });
        builder.AddGuardrails();
        return builder.Build();
    }

    [Fact]
    public async Task Orchestrator_detections_merge_with_local_ones_and_the_request_has_the_documented_shape()
    {
        await using var server = await OrchestratorTestServer.StartAsync((c, _) => OrchestratorTestServer.Answer(c, HapAnswer));
        using var host = Host(server.Endpoint, "closed");
        var guardrails = host.Services.GetRequiredService<GuardrailService>();

        var result = await guardrails.CheckAsync("You dotard I hate this stuff! Mail ada@example.org", GuardrailStage.Input);

        Assert.True(result.IsBlocked);
        Assert.Contains(result.Detections, d => d.Detector == "remote:ibm-hap-38m-detector" && d.Category == "ibm_hap_38m_detector" && d.Score == 0.86);
        Assert.DoesNotContain(result.Detections, d => d.Detector == "remote:low-score");
        Assert.Contains(result.Detections, d => d.Category == "email");
        using var body = JsonDocument.Parse(Assert.Single(server.Bodies));
        Assert.Equal("You dotard I hate this stuff! Mail ada@example.org", body.RootElement.GetProperty("content").GetString());
        Assert.Equal(0.5, body.RootElement.GetProperty("detectors").GetProperty("ibm-hap-38m-detector").GetProperty("threshold").GetDouble());
    }

    [Theory]
    [InlineData("closed", GuardrailDecision.Block)]
    [InlineData("open", GuardrailDecision.Flag)]
    public async Task A_refused_connection_follows_the_failure_policy(string policy, GuardrailDecision expected)
    {
        using var host = Host(OrchestratorTestServer.ClosedEndpoint(), policy);

        var result = await host.Services.GetRequiredService<GuardrailService>().CheckAsync("Explain photosynthesis", GuardrailStage.Input);

        Assert.Equal(expected, result.Decision);
        Assert.Equal(GuardrailService.RemoteFailureCategory, Assert.Single(result.Detections).Category);
    }

    [Theory]
    [InlineData("closed", GuardrailDecision.Block)]
    [InlineData("open", GuardrailDecision.Flag)]
    public async Task A_stalled_orchestrator_is_abandoned_at_the_timeout_and_the_policy_applies(string policy, GuardrailDecision expected)
    {
        await using var server = await OrchestratorTestServer.StartAsync(OrchestratorTestServer.Stall);
        // Long enough for the request to reach the stalling handler even on a loaded machine, so its abort is observed.
        using var host = Host(server.Endpoint, policy, timeout: "00:00:02");

        var result = await host.Services.GetRequiredService<GuardrailService>().CheckAsync("Explain photosynthesis", GuardrailStage.Input);

        Assert.Equal(expected, result.Decision);
        Assert.Equal(GuardrailService.RemoteFailureCategory, Assert.Single(result.Detections).Category);
        await server.ClientGaveUp.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_error_answer_follows_the_policy()
    {
        await using var server = await OrchestratorTestServer.StartAsync(async (c, _) =>
        {
            c.Response.StatusCode = 404;
            await OrchestratorTestServer.Answer(c, """{"code":404,"details":"detector not found: ibm-hap-38m-detector"}""");
        });
        using var host = Host(server.Endpoint, "closed");

        var result = await host.Services.GetRequiredService<GuardrailService>().CheckAsync("Explain photosynthesis", GuardrailStage.Input);

        Assert.Equal(("guardrails_unavailable", true), (result.BlockCategory, result.IsBlocked));
    }

    [Fact]
    public async Task Without_an_endpoint_no_remote_detector_is_registered()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.AddGuardrails();
        using var host = builder.Build();

        Assert.Empty(host.Services.GetServices<IAsyncGuardrailDetector>());
        Assert.False((await host.Services.GetRequiredService<GuardrailService>().CheckAsync("Explain photosynthesis", GuardrailStage.Input)).IsBlocked);
    }

    [SkippableFact]
    public async Task A_real_orchestrator_answers_in_the_documented_shape()
    {
        var endpoint = Environment.GetEnvironmentVariable("CANOPY_TEST_ORCHESTRATOR");
        var detector = Environment.GetEnvironmentVariable("CANOPY_TEST_ORCHESTRATOR_DETECTOR") ?? "ibm-hap-38m-detector";
        Skip.If(string.IsNullOrEmpty(endpoint), "No orchestrator here: set CANOPY_TEST_ORCHESTRATOR (and CANOPY_TEST_ORCHESTRATOR_DETECTOR) to run against one.");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Canopy:Guardrails:Remote:Endpoint"] = endpoint,
            ["Canopy:Guardrails:Remote:DetectorIds:0"] = detector,
            ["Canopy:Guardrails:Remote:Timeout"] = "00:00:10",
        });
        builder.AddGuardrails();
        using var host = builder.Build();

        var found = await host.Services.GetRequiredService<OrchestratorClient>().DetectAsync("You dotard I hate this stuff!", CancellationToken.None);

        Assert.All(found, d => Assert.InRange(d.End, d.Start, 29));
    }
}
