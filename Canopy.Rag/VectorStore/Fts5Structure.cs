using Microsoft.Data.Sqlite;

namespace Canopy.Rag.VectorStore;

/// <summary>
/// FTS5's record of its index segments (the structure row of <c>chunks_fts_data</c>): how many levels it has, how many
/// segments, and whether a merge is under way. Read so that a whole-index merge is begun only where FTS5 has levels
/// to spare and is always finished once begun; FTS5 exposes it no other way.
/// </summary>
public sealed record Fts5Structure(int Levels, int Segments, bool Merging)
{
    // FTS5's own row id of the structure record, and the level count it allows.
    private const long StructureRowId = 10;
    public const int MaxLevels = 64;

    public static async Task<Fts5Structure> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT block FROM chunks_fts_data WHERE id = {StructureRowId}";
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] block ? Parse(block) : new Fts5Structure(0, 0, false);
    }

    /// <summary>Reads the record: a 4-byte cookie, an optional version-2 marker, level and segment counts, then per level its merge and segments.</summary>
    public static Fts5Structure Parse(ReadOnlySpan<byte> record)
    {
        var i = 4;
        var version2 = record.Length >= 8 && record[4] == 0xff && record[5] == 0 && record[6] == 0 && record[7] == 1;
        if (version2) i += 4;
        var levels = (int)Varints.Next(record, ref i);
        var segments = (int)Varints.Next(record, ref i);
        Varints.Next(record, ref i); // write counter
        if (version2) Varints.Next(record, ref i); // origin counter
        var merging = false;
        for (var level = 0; level < levels && i < record.Length; level++)
        {
            merging |= Varints.Next(record, ref i) > 0;
            var count = Varints.Next(record, ref i);
            for (var s = 0; s < count * (version2 ? 8 : 3); s++) Varints.Next(record, ref i);
        }
        return new Fts5Structure(levels, segments, merging);
    }
}
