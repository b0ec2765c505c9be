using Canopy.Contracts.Search;

namespace Canopy.Contracts.Chat;

/// <summary>
/// A passage as the student sees it: <see cref="Index"/> is the number of its [n] citations, counted after the guardrails
/// dropped what they would not show, so it is not the search <see cref="Passage.Rank"/>.
/// </summary>
public sealed record CitedSource(int Index, string DocumentId, string Title, string Source, string HeadingPath, string Text, double Score)
{
    public static CitedSource Of(int index, Passage passage) =>
        new(index, passage.DocumentId, passage.Title, passage.Source, passage.HeadingPath, passage.Text, passage.Score);
}
