namespace Canopy.Guardrails.Tool.Data;

/// <summary>What a row is, as the training pool labels it.</summary>
public enum RowKind { Attack, IndirectAttack, BenignInstruction, StudentQuestion, CleanPassage }

/// <summary>
/// One labelled text. <see cref="Group"/> is the dataset it came from: rows of one dataset are held out together,
/// so a leave-one-source-out figure never sees the held-out dataset in any form.
/// </summary>
public sealed record LabelledRow(string Id, string Group, string Source, RowKind Kind, string Text, string Licence)
{
    public bool IsAttack => Kind is RowKind.Attack or RowKind.IndirectAttack;

    /// <summary>A copy reworded into the other framing (<see cref="Rephrasing"/>): it trains, but never sets a threshold or counts in a headline figure.</summary>
    public bool Rephrased { get; init; }

    public bool NonCommercial => Licence.Contains("NC", StringComparison.Ordinal);
}
