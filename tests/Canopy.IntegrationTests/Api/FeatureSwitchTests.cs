using System.Net;
using Canopy.Contracts.Features;

namespace Canopy.IntegrationTests.Api;

/// <summary>An admin turns a feature off for everyone, durably, and can give the decision back to configuration.</summary>
public sealed class FeatureSwitchTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private HttpClient As(string role, WebApplicationFactory<ChatPipeline>? factory = null) => (factory ?? _factory).CreateClientAs(role);

    [Fact]
    public async Task A_feature_turned_off_by_an_admin_is_refused_to_everyone_survives_a_restart_and_can_be_reset()
    {
        using var admin = As("admin");
        using var student = As("student");

        using var off = await admin.PutAsJsonAsync("/api/admin/features/summarize", new FeatureSwitchRequest(false));
        var switched = await off.Content.ReadFromJsonAsync<FeatureSwitchInfo>();
        using var refused = await student.PostAsJsonAsync("/api/chat", new { message = "Some text to summarise.", feature = "summarize" });
        var flags = await student.GetFromJsonAsync<FeatureFlagsResponse>("/api/feature-flags");
        var models = await student.GetStringAsync("/v1/models");

        Assert.Equal(new FeatureSwitchInfo("summarize", "Summarize", false, true, true), switched);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("turned off", await refused.Content.ReadAsStringAsync());
        Assert.False(flags!.Features.Single(f => f.Id == "summarize").Enabled);
        Assert.DoesNotContain("canopy-summarize", models);

        // A second canopy-be over the same folder, as after a restart: the switch holds.
        using var restarted = _factory.WithWebHostBuilder(_ => { });
        using var adminAgain = As("admin", restarted);
        var listed = await adminAgain.GetFromJsonAsync<List<FeatureSwitchInfo>>("/api/admin/features");
        Assert.False(listed!.Single(f => f.Id == "summarize").Enabled);

        using var reset = await adminAgain.DeleteAsync("/api/admin/features/summarize");
        Assert.Equal(new FeatureSwitchInfo("summarize", "Summarize", true, true, false), await reset.Content.ReadFromJsonAsync<FeatureSwitchInfo>());
    }

    [Fact]
    public async Task Bad_switches_are_refused()
    {
        using var admin = As("admin");

        using var missing = await admin.PutAsJsonAsync("/api/admin/features/summarize", new { });
        using var unknown = await admin.PutAsJsonAsync("/api/admin/features/no-such-feature", new FeatureSwitchRequest(true));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("enabled", await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
