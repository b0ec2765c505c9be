using System.Diagnostics;
using System.Text.Json.Nodes;
using Canopy.TestUtilities.Files;

namespace Canopy.DeploymentTests;

/// <summary>
/// Runs the real AppHost in publish mode, as the docs tell (`--publisher manifest --output-path ...`), once for
/// the deployment tests, and keeps the manifest it writes.
/// </summary>
public sealed class AspireManifestFixture : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(2);
    private readonly string _directory = TestDirectory.Create("canopy-manifest-");

    public JsonObject Manifest { get; private set; } = default!;
    public string ManifestText { get; private set; } = "";

    public JsonObject Resource(string name) =>
        Manifest["resources"]?[name]?.AsObject() ?? throw new KeyNotFoundException($"The manifest has no resource '{name}'.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var output = Path.Combine(_directory, "aspire-manifest.json");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Canopy.AppHost.dll"), "--publisher", "manifest", "--output-path", output })
            start.ArgumentList.Add(arg);
        // The test host's own ASP.NET settings must not leak into the AppHost.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0 || !File.Exists(output))
            throw new InvalidOperationException($"Publishing the manifest failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");

        ManifestText = await File.ReadAllTextAsync(output);
        Manifest = JsonNode.Parse(ManifestText)!.AsObject();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AspireManifestCollection : ICollectionFixture<AspireManifestFixture>
{
    public const string Name = "Aspire manifest";
}
