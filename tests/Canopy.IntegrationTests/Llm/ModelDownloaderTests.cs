using Canopy.Api.Llm.Embedded;
using Canopy.TestUtilities.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace Canopy.IntegrationTests.Llm;

public sealed class ModelDownloaderTests
{
    private static readonly byte[] Content = TinyGguf.Build(seed: 99);

    private static ModelDownloader Downloader() => new(new HttpClient(), NullLogger<ModelDownloader>.Instance) { RetryDelay = TimeSpan.Zero };

    private static ModelSource Source(Uri url, string? sha256 = null) =>
        new(url, sha256 ?? EmbeddedHost.Sha256(Content), TestDirectory.Create("canopy-dl-"), "model.gguf");

    [Fact]
    public async Task An_interrupted_download_resumes_with_a_range_request_and_keeps_the_verified_file()
    {
        const int cut = 100_000;
        await using var server = await ModelFileServer.StartAsync(Content, cutFirstResponseAfter: cut);
        var source = Source(server.Url);
        var status = new ModelStatus("tiny");
        var seen = new List<ModelStatusSnapshot>();
        status.Changed += seen.Add;

        var path = await Downloader().EnsureAsync(source, status, CancellationToken.None);

        Assert.Equal([null, $"bytes={cut}-"], server.RangeHeaders);
        Assert.Equal(EmbeddedHost.Sha256(Content), EmbeddedHost.Sha256(await File.ReadAllBytesAsync(path)));
        Assert.False(File.Exists(source.PartialPath));
        Assert.Contains(seen, s => s.State == ModelState.Downloading && s.BytesDone == cut && s.BytesTotal == Content.Length);
        Assert.Equal(100.0, seen.Where(s => s.State == ModelState.Downloading).Max(s => s.Percent));
        Assert.Equal(ModelState.Verifying, seen[^1].State);
    }

    [Fact]
    public async Task A_partial_left_by_an_earlier_run_is_resumed_and_a_server_ignoring_ranges_still_yields_the_right_file()
    {
        await using var server = await ModelFileServer.StartAsync(Content, ignoreRange: true);
        var source = Source(server.Url);
        // The earlier run's bytes are wrong on purpose: a 200 answer must replace them, not be appended.
        await File.WriteAllBytesAsync(source.PartialPath, new byte[5000]);

        var path = await Downloader().EnsureAsync(source, new ModelStatus("tiny"), CancellationToken.None);

        Assert.Equal(["bytes=5000-"], server.RangeHeaders);
        Assert.Equal(Content.Length, new FileInfo(path).Length);
        Assert.Equal(EmbeddedHost.Sha256(Content), EmbeddedHost.Sha256(await File.ReadAllBytesAsync(path)));
    }

    [Fact]
    public async Task A_complete_partial_is_verified_when_the_server_has_nothing_more_to_send()
    {
        await using var server = await ModelFileServer.StartAsync(Content);
        var source = Source(server.Url);
        await File.WriteAllBytesAsync(source.PartialPath, Content);

        var path = await Downloader().EnsureAsync(source, new ModelStatus("tiny"), CancellationToken.None);

        Assert.Equal([$"bytes={Content.Length}-"], server.RangeHeaders);
        Assert.Equal(EmbeddedHost.Sha256(Content), EmbeddedHost.Sha256(await File.ReadAllBytesAsync(path)));
    }

    [Fact]
    public async Task A_checksum_mismatch_discards_the_download_with_a_clear_reason()
    {
        await using var server = await ModelFileServer.StartAsync(Content);
        var source = Source(server.Url, new string('0', 64));

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => Downloader().EnsureAsync(source, new ModelStatus("tiny"), CancellationToken.None));

        Assert.Contains("SHA-256", error.Message);
        Assert.Contains(EmbeddedHost.Sha256(Content), error.Message);
        Assert.False(File.Exists(source.PartialPath));
        Assert.False(File.Exists(source.FilePath));
    }

    [Fact]
    public async Task A_missing_file_is_reported_with_the_servers_answer()
    {
        await using var server = await ModelFileServer.StartAsync(Content);
        var source = Source(new Uri(server.Url, "/models/absent.gguf"));

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => Downloader().EnsureAsync(source, new ModelStatus("tiny"), CancellationToken.None));

        Assert.Contains("HTTP 404", error.Message);
    }
}
