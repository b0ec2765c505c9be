namespace Canopy.IntegrationTests.Api;

/// <summary>canopy-be in-process with its own temporary data directory (feedback database).</summary>
public sealed class ApiFactory : WebApplicationFactory<ChatPipeline>
{
    public string DataPath { get; } = Directory.CreateTempSubdirectory("canopy-be-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Canopy:Llm", "extractive").UseSetting("Canopy:Feedback:DataPath", DataPath);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
    }
}
