using Canopy.Api.Feedback;
using Canopy.IntegrationTests.Api;

namespace Canopy.IntegrationTests.Reliability;

public sealed class FeedbackDurabilityTests
{
    [Fact]
    public void Feedback_is_written_through_a_write_ahead_log_synced_on_every_commit()
    {
        using var factory = new ApiFactory();
        _ = factory.Server;

        var (journalMode, synchronous) = factory.Services.GetRequiredService<FeedbackStore>().Durability();

        Assert.Equal("wal", journalMode);
        Assert.Equal(2, synchronous); // FULL
    }
}
