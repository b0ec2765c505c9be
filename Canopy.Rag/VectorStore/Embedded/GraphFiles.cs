using System.Globalization;
using Canopy.Rag.Ingestion;

namespace Canopy.Rag.VectorStore.Embedded;

/// <summary>
/// Saved vector graphs beside the SQLite file, named by the last log entry they hold (<c>index.1234.usearch</c>). A file
/// gets its final name only once it is complete on disk, so a crash while saving leaves the previous graph in place.
/// </summary>
internal sealed class GraphFiles(string databasePath)
{
    private const string Extension = ".usearch";

    private readonly string _directory = Path.GetDirectoryName(databasePath)!;
    private readonly string _prefix = Path.GetFileNameWithoutExtension(databasePath) + ".";

    /// <summary>The newest saved graph, with the log entry it was saved at; null when there is none.</summary>
    public (string Path, long Seq)? Latest() => All().OrderByDescending(f => f.Seq).Cast<(string, long)?>().FirstOrDefault();

    public void Save(HnswGraph graph, long seq)
    {
        var path = PathFor(seq);
        var temporary = path + ".tmp";
        graph.Save(temporary);
        using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite)) stream.Flush(flushToDisk: true);
        File.Move(temporary, path, overwrite: true);
        DurableFiles.SyncDirectory(_directory);
    }

    /// <summary>Deletes every saved graph except the one at <paramref name="keep"/> (all of them when null), and leftovers of a failed save.</summary>
    public void DeleteAllBut(long? keep)
    {
        foreach (var (path, seq) in All())
            if (seq != keep) File.Delete(path);
        foreach (var leftover in Directory.EnumerateFiles(_directory, _prefix + "*" + Extension + ".tmp")) File.Delete(leftover);
    }

    private string PathFor(long seq) => Path.Combine(_directory, _prefix + seq.ToString(CultureInfo.InvariantCulture) + Extension);

    private IEnumerable<(string Path, long Seq)> All()
    {
        foreach (var path in Directory.EnumerateFiles(_directory, _prefix + "*" + Extension))
        {
            var name = Path.GetFileName(path);
            var middle = name[_prefix.Length..^Extension.Length];
            if (long.TryParse(middle, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) yield return (path, seq);
        }
    }
}
