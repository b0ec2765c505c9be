using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Canopy.Api.Llm.Embedded;

/// <summary>What to fetch and where to keep it.</summary>
public sealed record ModelSource(Uri Url, string Sha256, string Directory, string FileName)
{
    public string FilePath => Path.Combine(Directory, FileName);
    public string PartialPath => FilePath + ".partial";
}

/// <summary>
/// Downloads a model file into a cache directory through <c>&lt;file&gt;.partial</c>, resuming with an HTTP Range request
/// when a partial exists, reporting progress, and moving the file into place only after its SHA-256 matches.
/// </summary>
public sealed class ModelDownloader(HttpClient http, ILogger<ModelDownloader> logger)
{
    public const int MaxAttemptsWithoutProgress = 3;
    private const int LogStepPercent = 5;

    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Returns the path of the verified file, downloading what is missing; throws <see cref="ModelUnavailableException"/> with the reason otherwise.</summary>
    public async Task<string> EnsureAsync(ModelSource source, ModelStatus status, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(source.Directory);
        if (File.Exists(source.FilePath))
        {
            status.Set(ModelState.Verifying);
            if (Matches(await Sha256Async(source.FilePath, cancellationToken), source.Sha256)) return source.FilePath;
            logger.LogWarning("The cached model {Path} does not match its SHA-256; downloading it again", source.FilePath);
            File.Delete(source.FilePath);
        }

        var failures = 0;
        while (true)
        {
            var before = PartialLength(source);
            try
            {
                if (await DownloadAsync(source, status, cancellationToken)) break;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                // An attempt that brought bytes resets the count: a long download may be cut many times.
                failures = PartialLength(source) > before ? 1 : failures + 1;
                if (failures >= MaxAttemptsWithoutProgress)
                    throw new ModelUnavailableException($"the download from {source.Url.Host} failed: {ex.Message}", ex);
                logger.LogWarning("The model download failed ({Error}); trying again from byte {Offset}", ex.Message, PartialLength(source));
                await Task.Delay(RetryDelay * failures, cancellationToken);
            }
        }

        status.Set(ModelState.Verifying);
        logger.LogInformation("Verifying the SHA-256 of {File}", source.FileName);
        var actual = await Sha256Async(source.PartialPath, cancellationToken);
        if (!Matches(actual, source.Sha256))
        {
            File.Delete(source.PartialPath);
            throw new ModelUnavailableException($"the downloaded file's SHA-256 is {actual}, not the configured {source.Sha256.ToLowerInvariant()}; the download was discarded");
        }
        File.Move(source.PartialPath, source.FilePath, overwrite: true);
        logger.LogInformation("The model {File} is downloaded and verified", source.FileName);
        return source.FilePath;
    }

    /// <summary>One request; true when the partial file is complete.</summary>
    private async Task<bool> DownloadAsync(ModelSource source, ModelStatus status, CancellationToken cancellationToken)
    {
        var offset = PartialLength(source);
        using var request = new HttpRequestMessage(HttpMethod.Get, source.Url);
        if (offset > 0) request.Headers.Range = new RangeHeaderValue(offset, null);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

        long? total;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            if (range?.From != offset)
                throw new ModelUnavailableException($"the server answered a resume from byte {offset} with the range '{range}'");
            total = range.Length;
            logger.LogInformation("Resuming the download of {File} at byte {Offset}", source.FileName, offset);
        }
        else if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
        {
            // The partial already holds every byte (or more than the file has): verify it, or start over.
            if (response.Content.Headers.ContentRange?.Length == offset) return true;
            File.Delete(source.PartialPath);
            return false;
        }
        else if (response.IsSuccessStatusCode)
        {
            // A 200 to a Range request means the server sends the whole file again.
            offset = 0;
            total = response.Content.Headers.ContentLength;
            logger.LogInformation("Downloading {File} ({Size} bytes) from {Host}", source.FileName, total?.ToString() ?? "unknown", source.Url.Host);
        }
        else if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"{source.Url.Host} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        else
        {
            throw new ModelUnavailableException($"{source.Url.Host} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} for {source.FileName}");
        }

        await using var file = new FileStream(source.PartialPath, offset == 0 ? FileMode.Create : FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[1 << 16];
        var done = offset;
        var nextLog = NextLogMark(done, total);
        status.Report(status.Current with { State = ModelState.Downloading, BytesDone = done, BytesTotal = total, Reason = null });
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            stall.CancelAfter(StallTimeout);
            int read;
            try
            {
                read = await body.ReadAsync(buffer, stall.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no data arrived for {StallTimeout.TotalSeconds:0} s");
            }
            if (read == 0) break;
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            done += read;
            status.Report(status.Current with { BytesDone = done });
            if (done >= nextLog)
            {
                logger.LogInformation("{Status}", status.Current.Describe());
                nextLog = NextLogMark(done, total);
            }
        }
        if (total is { } expected && done < expected)
            throw new IOException($"the connection closed after {done} of {expected} bytes");
        return true;
    }

    private static long NextLogMark(long done, long? total) => total is > 0
        ? (done * 100 / total.Value / LogStepPercent + 1) * LogStepPercent * total.Value / 100
        : done + 50L * 1_048_576;

    private static long PartialLength(ModelSource source) => File.Exists(source.PartialPath) ? new FileInfo(source.PartialPath).Length : 0;

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private static bool Matches(string actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
}
