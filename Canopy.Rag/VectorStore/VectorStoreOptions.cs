using System.ComponentModel.DataAnnotations;

namespace Canopy.Rag.VectorStore;

public sealed class EmbeddedIndexOptions
{
    public const string Section = "Canopy:Rag";

    /// <summary>Directory of the SQLite index; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = ".canopy-data";

    public string IndexFileName { get; set; } = "index.db";

    /// <summary>Up to this many chunks, vector search is an exact scan; beyond it, an HNSW graph saved beside the SQLite file.</summary>
    [Range(0, int.MaxValue)]
    public int ExactSearchThreshold { get; set; } = 10_000;

    /// <summary>Graph degree (HNSW M).</summary>
    [Range(4, 128)]
    public int HnswConnectivity { get; set; } = 16;

    /// <summary>Candidate list while adding a vector (efConstruction).</summary>
    [Range(8, 1024)]
    public int HnswExpansionAdd { get; set; } = 128;

    /// <summary>Candidate list while searching (ef) up to 100,000 chunks, growing beyond as N^0.6 (see EmbeddedVectors); a search for more results widens it to that many.</summary>
    [Range(8, 1024)]
    public int HnswExpansionSearch { get; set; } = 64;

    /// <summary>The graph is saved after this many chunk additions and removals (and on shutdown); a crash replays at most these from SQLite.</summary>
    [Range(1, int.MaxValue)]
    public int CheckpointAfterChanges { get; set; } = 20_000;

    /// <summary>From this many chunks on, keyword search keeps the query's rarest words within a budget of postings (see KeywordTermSelection).</summary>
    [Range(0, int.MaxValue)]
    public int KeywordTermSelectionFrom { get; set; } = 20_000;

    /// <summary>The budget: the kept words together appear in at most this share of the chunks (the two rarest are always kept).</summary>
    [Range(0.0001, 1.0)]
    public double KeywordPostingsShare { get; set; } = 0.02;

    /// <summary>When removed chunks exceed this fraction of the index, the graph is rebuilt without them in the background.</summary>
    [Range(0.05, 10.0)]
    public double CompactAfterRemovedFraction { get; set; } = 0.25;

    /// <summary>Written vectors move into the graph once no write has come for this long (searches scan them exactly meanwhile).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan GraphQuietPeriod { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>...or at once when this many vectors and removals wait, however busy the writes.</summary>
    [Range(1, 1_000_000)]
    public int GraphBacklogLimit { get; set; } = 4_096;
}
