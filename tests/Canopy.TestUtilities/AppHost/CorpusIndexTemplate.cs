using Canopy.TestUtilities.Files;
using System.Security.Cryptography;
using System.Text;
using Canopy.TestUtilities.Rag;
using Microsoft.Data.Sqlite;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// The bundled corpus indexed once (MiniLM, the real ingestor, default chunking: what canopy-rag does on a first start),
/// kept in the temporary folder under a name derived from the corpus files. A test AppHost's canopy-rag starts from a
/// copy and finds every corpus document unchanged, instead of spending a minute of both cores embedding them again.
/// </summary>
public static class CorpusIndexTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    public static async Task<string> EnsureAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_path is not null && File.Exists(_path)) return _path;
            var folder = Path.Combine(Path.GetTempPath(), "canopy-test-corpus-index", CorpusKey());
            var path = Path.Combine(folder, "index.db");
            if (!File.Exists(path)) await BuildAsync(folder, path);
            return _path = path;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task BuildAsync(string folder, string path)
    {
        Directory.CreateDirectory(folder);
        string built;
        using (var model = new MiniLmFixture())
        using (var harness = new RagHarness(model, TestDirectory.Create("canopy-corpus-template-")))
        {
            await harness.IngestCorpusAsync();
            built = harness.Index.DatabasePath;
        }
        // Closing every connection checkpoints the WAL into the file, which is then complete on its own.
        SqliteConnection.ClearAllPools();
        var temporary = path + $".{Environment.ProcessId}.tmp";
        File.Copy(built, temporary, overwrite: true);
        File.Move(temporary, path, overwrite: true);
        Directory.Delete(Path.GetDirectoryName(built)!, recursive: true);
    }

    // The corpus files (names and bytes) and the index layout: a change to either builds a new template.
    private static string CorpusKey()
    {
        var corpus = RagHarness.Corpus.Path;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(typeof(Canopy.Rag.VectorStore.SqliteVectorIndex).Assembly.ManifestModule.ModuleVersionId.ToString()));
        foreach (var file in Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(corpus, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
