using System.Text.RegularExpressions;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// Splits Markdown into chunks along headings and paragraphs, bounded in model tokens, with overlap inside a section.
/// A paragraph too long for one chunk is split on sentences, and a sentence too long on words.
/// </summary>
public sealed partial class MarkdownChunker(WordPieceTokenCounter tokens, ChunkingOptions options)
{
    public IReadOnlyList<TextChunk> Chunk(string title, string markdown, CancellationToken cancellationToken = default)
    {
        var chunks = new List<TextChunk>();
        foreach (var section in Sections(title, markdown))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var budget = Math.Max(16, options.MaxTokens - tokens.Count(section.HeadingPath) - 1);
            var units = section.Blocks.SelectMany(b =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                return Units(b, budget);
            }).ToList();
            var current = new List<(string Text, int Tokens)>();
            var size = 0;
            foreach (var unit in units)
            {
                if (size + unit.Tokens > budget && current.Count > 0)
                {
                    chunks.Add(Make(chunks.Count, section.HeadingPath, current));
                    current = Overlap(current, unit.Tokens, budget);
                    size = current.Sum(u => u.Tokens);
                }
                current.Add(unit);
                size += unit.Tokens;
            }
            if (current.Count > 0) chunks.Add(Make(chunks.Count, section.HeadingPath, current));
        }
        return chunks;
    }

    private List<(string Text, int Tokens)> Overlap(List<(string Text, int Tokens)> previous, int incoming, int budget)
    {
        var carried = new List<(string, int)>();
        var size = 0;
        for (var i = previous.Count - 1; i >= 0; i--)
        {
            var unit = previous[i];
            if (size + unit.Tokens > options.OverlapTokens || size + unit.Tokens + incoming > budget) break;
            carried.Insert(0, unit);
            size += unit.Tokens;
        }
        return carried;
    }

    private static TextChunk Make(int ordinal, string headingPath, List<(string Text, int Tokens)> units) =>
        new(ordinal, headingPath, string.Join("\n\n", units.Select(u => u.Text)), units.Sum(u => u.Tokens));

    private IEnumerable<(string Text, int Tokens)> Units(string block, int budget)
    {
        var count = tokens.Count(block);
        if (count <= budget) { yield return (block, count); yield break; }
        foreach (var sentence in SentenceBreak().Split(block))
        {
            var sentenceTokens = tokens.Count(sentence);
            if (sentenceTokens <= budget) { yield return (sentence, sentenceTokens); continue; }
            var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var piece = new List<string>();
            var pieceTokens = 0;
            foreach (var word in words)
            {
                var wordTokens = tokens.Count(word);
                if (pieceTokens + wordTokens > budget && piece.Count > 0)
                {
                    yield return (string.Join(' ', piece), pieceTokens);
                    piece.Clear();
                    pieceTokens = 0;
                }
                piece.Add(word);
                pieceTokens += wordTokens;
            }
            if (piece.Count > 0) yield return (string.Join(' ', piece), pieceTokens);
        }
    }

    private static IEnumerable<(string HeadingPath, List<string> Blocks)> Sections(string title, string markdown)
    {
        var headings = new List<(int Level, string Text)>();
        var blocks = new List<string>();
        var paragraph = new List<string>();
        var inFence = false;

        string Path() => string.Join(" > ", new[] { title }.Concat(headings.Select(h => h.Text)).Distinct());
        void EndParagraph()
        {
            if (paragraph.Count > 0) blocks.Add(string.Join('\n', paragraph).Trim());
            paragraph.Clear();
        }

        var path = Path();
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            var heading = inFence ? Match.Empty : HeadingLine().Match(line);
            if (heading.Success)
            {
                EndParagraph();
                if (blocks.Count > 0) yield return (path, blocks);
                blocks = [];
                var level = heading.Groups[1].Length;
                headings.RemoveAll(h => h.Level >= level);
                headings.Add((level, heading.Groups[2].Value.Trim()));
                path = Path();
            }
            else if (line.Length == 0 && !inFence) EndParagraph();
            else paragraph.Add(line);
        }
        EndParagraph();
        if (blocks.Count > 0) yield return (path, blocks);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9(""'])")]
    private static partial Regex SentenceBreak();
}
