using System.Runtime.CompilerServices;
using Canopy.Embeddings;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// The shipped semantic models, loaded once from <c>Guardrails/Models</c> next to the application: the MiniLM
/// vocabulary and token vectors, and the harmful-request, prompt-injection and indirect-injection classifiers' two stages each
/// (the harmful-request classifier has a third, <see cref="PurposeStage"/>, and reads other languages with <see cref="OtherLanguageStage"/>).
/// </summary>
public sealed class SemanticModels
{
    public const string VocabularyFile = "minilm-vocab.txt";
    public const string TokenVectorsFile = "minilm-token-vectors.bin";
    public const string HarmModelFile = "harm-classifier.json";
    public const string HarmSentenceModelFile = "harm-sentence-classifier.json";
    public const string HarmPurposeModelFile = "harm-purpose-classifier.json";
    public const string HarmOtherLanguagesModelFile = "harm-other-languages.json";
    public const string IndirectModelFile = "indirect-injection.json";
    public const string InjectionModelFile = "injection-classifier.json";
    public const string InjectionSentenceModelFile = "injection-sentence-classifier.json";

    public static readonly string DefaultFolder = Path.Combine(AppContext.BaseDirectory, "Guardrails", "Models");

    private static readonly Lazy<SemanticModels> Shipped = new(() => Load(DefaultFolder));

    public SemanticModels(TextEmbedder embedder, ClassifierModel harm, SentenceStage harmSentence, PurposeStage harmPurpose, ClassifierModel indirect, ClassifierModel injection,
        SentenceStage injectionSentence, TopicContrast topics, OtherLanguageStage harmOtherLanguages)
    {
        HarmOtherLanguages = harmOtherLanguages;
        HarmPurpose = harmPurpose;
        Topics = topics;
        Injection = injection;
        InjectionSentence = injectionSentence;
        Embedder = embedder;
        Passages = new PassageFeatures(embedder);
        Harm = harm;
        HarmSentence = harmSentence;
        Indirect = indirect;
    }

    public static SemanticModels Default => Shipped.Value;

    public TextEmbedder Embedder { get; }

    public PassageFeatures Passages { get; }

    /// <summary>The first stage of the harm classifier (token vectors); alone it reads the pieces of passages.</summary>
    public ClassifierModel Harm { get; }

    /// <summary>The second stage of the harm classifier, for requests the first stage scores at or over its gate.</summary>
    public SentenceStage HarmSentence { get; }

    /// <summary>The third stage of the harm classifier, for requests the second stage would block.</summary>
    public PurposeStage HarmPurpose { get; }

    /// <summary>The harm classifier for requests that are not English, which the three stages above cannot read.</summary>
    public OtherLanguageStage HarmOtherLanguages { get; }

    public ClassifierModel Indirect { get; }

    /// <summary>The indirect-injection classifier's second stage, for pieces over its gate and under its threshold.</summary>
    public TopicContrast Topics { get; }

    /// <summary>The first stage of the prompt-injection classifier (token vectors).</summary>
    public ClassifierModel Injection { get; }

    /// <summary>The second stage of the prompt-injection classifier, for requests its first stage scores at or over the gate.</summary>
    public SentenceStage InjectionSentence { get; }

    // Both context detectors read the same pieces of the same passage: analysed once, kept while the passage lives.
    private readonly ConditionalWeakTable<string, IReadOnlyList<PassagePiece>> _pieces = [];

    /// <summary>The passage's pieces (<see cref="PassageFeatures.Analyse"/>), computed once per passage instance.</summary>
    public IReadOnlyList<PassagePiece> PiecesOf(string passage) => _pieces.GetValue(passage, Passages.Analyse);

    public static TextEmbedder LoadEmbedder(string folder) =>
        new(MiniLmTokens.Load(Path.Combine(folder, VocabularyFile)), TokenVectors.Load(Path.Combine(folder, TokenVectorsFile)));

    /// <param name="encoder">MiniLM for the second stages and the topic contrast (null: the default one, made on first use).</param>
    public static SemanticModels Load(string folder, MiniLmEmbeddingGenerator? encoder = null)
    {
        var embedder = LoadEmbedder(folder);
        var harm = ClassifierModel.Load(Path.Combine(folder, HarmModelFile));
        var harmSentence = ClassifierModel.Load(Path.Combine(folder, HarmSentenceModelFile));
        var harmPurpose = ClassifierModel.Load(Path.Combine(folder, HarmPurposeModelFile));
        var indirect = ClassifierModel.Load(Path.Combine(folder, IndirectModelFile));
        var injection = ClassifierModel.Load(Path.Combine(folder, InjectionModelFile));
        var injectionSentence = ClassifierModel.Load(Path.Combine(folder, InjectionSentenceModelFile));
        var otherLanguages = new OtherLanguageStage(ClassifierModel.Load(Path.Combine(folder, HarmOtherLanguagesModelFile)));
        if (harm.Inputs != embedder.Length || injection.Inputs != embedder.Length || indirect.Inputs != PassageFeatures.Length
            || harmSentence.Inputs != SentenceStage.Dimensions + embedder.Length || harmPurpose.Inputs != harmSentence.Inputs || injectionSentence.Inputs != SentenceStage.Dimensions + embedder.Length)
            throw new InvalidDataException($"The classifiers in {folder} were trained on other features than the token vectors there give; retrain them.");
        // The transformer's session is made on first use: most requests never reach a second stage.
        var vectors = new SentenceVectors(encoder ?? new MiniLmEmbeddingGenerator());
        return new SemanticModels(embedder, harm, new SentenceStage(vectors, harmSentence, HarmClassifierDetector.DetectorName), new PurposeStage(harmPurpose), indirect,
            injection, new SentenceStage(vectors, injectionSentence, InjectionClassifierDetector.DetectorName), new TopicContrast(vectors), otherLanguages);
    }
}
