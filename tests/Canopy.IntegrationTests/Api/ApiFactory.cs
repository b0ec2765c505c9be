using Canopy.TestUtilities.Files;

namespace Canopy.IntegrationTests.Api;

/// <summary>canopy-be in-process with its own temporary data directory (feedback database).</summary>
public sealed class ApiFactory : SignedInFactory<ChatPipeline>
{
    public string DataPath { get; } = TestDirectory.Create("canopy-be-");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseLocalTokens().UseSetting("Canopy:ApiKeys:DataPath", KeysPath).UseSetting("Canopy:Settings:DataPath", KeysPath).UseSetting("Canopy:Prompts:DataPath", KeysPath).UseSetting("Canopy:Agent:DataPath", KeysPath).UseSetting("Canopy:Llm", "extractive").UseSetting("Canopy:Feedback:DataPath", DataPath).UseSetting("Canopy:Evaluations:DataPath", DataPath)
            // Tests ask far more often than a student; the limits have their own tests.
            .UseSetting("Canopy:RateLimits:ChatTurnsPerMinute", "100000").UseSetting("Canopy:RateLimits:OpenAiCallsPerMinute", "100000");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
    }
}
