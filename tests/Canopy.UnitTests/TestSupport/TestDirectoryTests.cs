using System.Diagnostics;
using Canopy.TestUtilities.Files;

namespace Canopy.UnitTests.TestSupport;

public sealed class TestDirectoryTests
{
    [Fact]
    public void Folders_live_under_one_root_named_for_this_process()
    {
        var first = TestDirectory.Create("canopy-a-");
        var second = TestDirectory.Create("canopy-a-");

        Assert.NotEqual(first, second);
        Assert.True(Directory.Exists(first) && Directory.Exists(second));
        Assert.Equal(TestDirectory.Root, Path.GetDirectoryName(first));
        Assert.Equal($"canopy-tests-{Environment.ProcessId}", Path.GetFileName(TestDirectory.Root));
        Assert.StartsWith("canopy-a-", Path.GetFileName(first));
    }

    [Fact]
    public void The_root_of_a_process_that_has_exited_is_removed_and_a_running_ones_is_kept()
    {
        using var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        exited.WaitForExit();
        var orphan = Path.Combine(Path.GetTempPath(), $"canopy-tests-{exited.Id}");
        Directory.CreateDirectory(Path.Combine(orphan, "left-behind"));
        var mine = TestDirectory.Create("canopy-kept-");

        TestDirectory.RemoveOrphans();

        Assert.False(Directory.Exists(orphan));
        Assert.True(Directory.Exists(mine));
    }
}
