using Microsoft.ML.Tokenizers;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>The WordPiece tokenizer of all-MiniLM-L6-v2 (uncased BERT vocabulary), so token ids index <see cref="TokenVectors"/>.</summary>
public sealed class MiniLmTokens
{
    /// <summary>A check reads at most this many characters of a text.</summary>
    public const int MaxCharacters = 32_000;

    private readonly BertTokenizer _tokenizer;
    private readonly bool[] _continuation;
    private readonly HashSet<string> _words;

    private MiniLmTokens(BertTokenizer tokenizer, string[] vocabulary)
    {
        _tokenizer = tokenizer;
        _continuation = [.. vocabulary.Select(t => t.StartsWith("##", StringComparison.Ordinal))];
        _words = [.. vocabulary.Where(t => t.Length >= 3 && t.All(char.IsAsciiLetterLower))];
    }

    public static MiniLmTokens Load(string vocabularyPath)
    {
        var tokenizer = BertTokenizer.Create(vocabularyPath, new BertOptions
        {
            LowerCaseBeforeTokenization = true,
            ApplyBasicTokenization = true,
            IndividuallyTokenizeCjk = true,
            RemoveNonSpacingMarks = true,
        });
        return new MiniLmTokens(tokenizer, File.ReadAllLines(vocabularyPath));
    }

    public int VocabularySize => _continuation.Length;

    public int UnknownId => _tokenizer.UnknownTokenId;

    public IReadOnlyList<int> Encode(string text) =>
        _tokenizer.EncodeToIds(text.Length > MaxCharacters ? text[..MaxCharacters] : text, addSpecialTokens: false);

    /// <summary>Whether the vocabulary holds <paramref name="word"/> (lower case, three letters or more) as a whole word: a real word, not a typo.</summary>
    public bool IsKnownWord(string word) => _words.Contains(word);

    /// <summary>True for a piece that continues a word ("##ing"): many of them in a row mean rare or made-up words.</summary>
    public bool IsContinuation(int id) => (uint)id < (uint)_continuation.Length && _continuation[id];
}
