using System.Numerics.Tensors;
using System.Text;
using Canopy.Rag.VectorStore;

namespace Canopy.ScaleBenchmark;

/// <summary>
/// A deterministic clustered corpus: each document belongs to one of many topics; its chunks' vectors lie around the
/// topic's centre and their words mix the topic's own words with words drawn by a Zipf law (so that common words match
/// much of the corpus, as in real text). Queries are drawn the same way from a topic. Words are English words from the
/// embedding model's vocabulary by default, so that texts and questions cost what real ones cost to tokenise and embed.
/// </summary>
/// <summary>The words synthetic texts are made of.</summary>
public enum CorpusWords
{
    /// <summary>English words of the embedding model's vocabulary: one or two word pieces each, as in real text.</summary>
    English,

    /// <summary>Letter strings ("qab"): the corpus of the first scale runs, three to four word pieces a word.</summary>
    Letters,
}

internal sealed class SyntheticCorpus
{
    private const int Topics = 1_000;
    private const int Vocabulary = 20_000;
    private const int WordsPerChunk = 48;
    private const int TopicWordsPerChunk = 8;
    private const int TopicVocabulary = 12;
    private const float Noise = 0.8f;
    public const int Courses = 50;

    private readonly int _seed;
    private readonly float[][] _centers;
    /// <summary>Sources under a folder no ingestion owns, so that canopy-rag keeps these documents when it scans its folders.</summary>
    public const string SourcePrefix = "synthetic/";

    private readonly string[] _words;
    private readonly double[] _zipf;

    public SyntheticCorpus(int seed, CorpusWords words = CorpusWords.English)
    {
        _seed = seed;
        Words = words;
        var random = new Random(seed);
        _centers = [.. Enumerable.Range(0, Topics).Select(_ => Unit(Gaussian(random)))];
        _words = words == CorpusWords.English ? EnglishWords() : [.. Enumerable.Range(0, Vocabulary).Select(Word)];
        _zipf = new double[Vocabulary];
        var total = 0.0;
        for (var i = 0; i < Vocabulary; i++) _zipf[i] = total += 1.0 / (i + 1);
        for (var i = 0; i < Vocabulary; i++) _zipf[i] /= total;
    }

    public int Seed => _seed;

    public CorpusWords Words { get; }

    /// <summary>How the corpus is written, kept beside an index so that a later run does not grow it with another corpus.</summary>
    public string Description => $"seed={_seed} words={Words.ToString().ToLowerInvariant()}";

    public static string CourseOf(int document) => $"C{document % Courses:D2}";

    public (IndexedDocument Document, List<IndexedChunk> Chunks) Document(string id, int number)
    {
        var random = new Random(Stream(number));
        var topic = random.Next(Topics);
        var course = CourseOf(number);
        var chunks = new List<IndexedChunk>(ScaleSettings.ChunksPerDocument);
        for (var o = 0; o < ScaleSettings.ChunksPerDocument; o++)
            chunks.Add(new IndexedChunk($"{id}-{o}", id, $"Document {number}", $"{SourcePrefix}{id}.md", course, o, $"Document {number}",
                Text(random, topic, WordsPerChunk, TopicWordsPerChunk), Near(random, topic)));
        var document = new IndexedDocument(id, $"Document {number}", $"{SourcePrefix}{id}.md", course, "text", $"hash-{number}", chunks.Count, DateTimeOffset.UtcNow);
        return (document, chunks);
    }

    public (string Text, float[] Vector) Query(int number)
    {
        var random = new Random(Stream(-1 - number));
        var topic = random.Next(Topics);
        return (Text(random, topic, words: 5, topicWords: 3), Near(random, topic));
    }

    // HashCode is randomised per process; the corpus must be the same in every run and in the child process.
    private int Stream(int number) => unchecked(_seed * 1_000_003 + number);

    private string Text(Random random, int topic, int words, int topicWords)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            var word = i < topicWords
                ? _words[1_000 + (topic * TopicVocabulary + random.Next(TopicVocabulary)) % (Vocabulary - 1_000)]
                : _words[ZipfRank(random.NextDouble())];
            text.Append(word).Append(' ');
        }
        return text.ToString().TrimEnd();
    }

    private int ZipfRank(double draw)
    {
        var at = Array.BinarySearch(_zipf, draw);
        return Math.Min(at < 0 ? ~at : at, Vocabulary - 1);
    }

    private float[] Near(Random random, int topic)
    {
        var noise = Unit(Gaussian(random));
        var vector = new float[ScaleSettings.Dimensions];
        TensorPrimitives.MultiplyAdd(noise, Noise, _centers[topic], vector);
        return Unit(vector);
    }

    // Whole lowercase words of all-MiniLM-L6-v2's vocabulary, in its order (roughly by frequency, so Zipf's common words are common ones).
    private static string[] EnglishWords()
    {
        var words = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "minilm-vocab.txt"))
            .Where(w => w.Length >= 3 && w.All(char.IsAsciiLetterLower)).Take(Vocabulary).ToArray();
        return words.Length == Vocabulary ? words : throw new InvalidDataException($"minilm-vocab.txt holds {words.Length} whole words; the corpus needs {Vocabulary}.");
    }

    // Letters only, so that the full-text tokenizer sees one word per entry (the corpus of earlier runs: WordPiece splits each into several pieces).
    private static string Word(int index)
    {
        var word = new StringBuilder("q");
        do
        {
            word.Append((char)('a' + index % 26));
            index /= 26;
        } while (index > 0);
        return word.ToString();
    }

    private static float[] Gaussian(Random random)
    {
        var vector = new float[ScaleSettings.Dimensions];
        for (var i = 0; i < vector.Length; i++)
            vector[i] = (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        return vector;
    }

    private static float[] Unit(float[] vector)
    {
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }
}
