using Canopy.Api.Guardrails.Semantic;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Requests for harm, plain or wrapped in role-play, hypotheticals or refusal suppression, in two stages trained and
/// evaluated leave-one-source-out by <c>tools/Canopy.Guardrails.Tool</c>: a linear classifier over pooled
/// all-MiniLM-L6-v2 token vectors and framing signals reads every request, and a request it scores at or over the
/// gate is decided by a second one that also reads MiniLM's sentence vector (<see cref="SentenceStage"/>), and one the
/// second would block is passed if a third finds its purpose protective (<see cref="PurposeStage"/>). At the
/// context stage both read each sentence, line or quoted value of a passage that names a harm or is put as a request,
/// in the same way, so that a request for harm planted in a document drops it (a line of dialogue that does neither,
/// and a mail header line naming senders or recipients, is not read: it asks the model nothing). A request that ends in
/// a noisy tail, as an optimised suffix is, is also read without it (<see cref="SuffixTail"/>). The three stages read
/// English only; a request in another language is read by <see cref="OtherLanguageStage"/> instead, and is still
/// recorded as left unread by them (<see cref="UnreadText"/>), as is every piece of a passage not in English.
/// </summary>
/// <param name="sentence">The second stage; without it the first stage decides requests with its own threshold.</param>
/// <param name="purpose">The third stage, which passes a request the second would block when its purpose reads as protective.</param>
/// <param name="otherLanguages">The classifier of requests that are not English; without it they pass unread.</param>
public sealed class HarmClassifierDetector(TextEmbedder embedder, ClassifierModel model, SentenceStage? sentence, Func<string, IReadOnlyList<PassagePiece>> piecesOf,
    PurposeStage? purpose = null, OtherLanguageStage? otherLanguages = null) : IGuardrailDetector
{
    public HarmClassifierDetector(SemanticModels models) : this(models.Embedder, models.Harm, models.HarmSentence, models.PiecesOf, models.HarmPurpose, models.HarmOtherLanguages)
    {
    }

    public const string DetectorName = "harm_classifier";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Context };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        if (stage == GuardrailStage.Context) return DetectInPassage(text);
        // A request whose purpose is protective as a whole is not read in pieces either: a casual ending can look like a noisy tail.
        if (IsExempt(text)) return [];
        var english = EnglishText.IsEnglishRequest(text);
        if (english && Read(text) is { } found) return [found];
        // An optimised suffix pulls a request's score down, or out of English: the request before it is read alone too.
        var headRead = false;
        foreach (var head in SuffixTail.Heads(text, embedder.Tokens.IsKnownWord))
        {
            if (!EnglishText.IsEnglishRequest(head)) continue;
            headRead = true;
            if (Read(head) is { } inHead) return [inHead];
        }
        if (english) return [];
        if (!headRead) UnreadText.Record(Name, stage, text);
        // A text not in English is read whole by the other-language stage, even when a head of it passed for English.
        return otherLanguages is not null && otherLanguages.Score(text) is var score && score >= otherLanguages.Model.Threshold
            ? [new Detection(Name, "harmful_request", Math.Round(score, 4), GuardrailAction.Block)] : [];
    }

    private Detection? Read(string request)
    {
        if (IsExempt(request)) return null;
        var features = embedder.EmbedRequest(request);
        var p = Score(request, features);
        if (p < Threshold) return null;
        return sentence is not null && purpose is not null && purpose.IsProtective(sentence.FeaturesOf(request, features))
            ? null : new Detection(Name, "harmful_request", Math.Round(p, 4), GuardrailAction.Block);
    }

    /// <summary>
    /// A request to report, prevent or get through a harm, a research question, a course's question about one, or a question
    /// about children and sex asked to protect or study: not read as a request for it.
    /// </summary>
    public static bool IsExempt(string text) => ProtectiveRequest.Matches(text) || ResearchQuestion.Matches(text) || ExplanatoryQuestion.Matches(text) || MinorSexualText.AsksToProtect(text);

    /// <summary>The request's score: the second stage's when the first reaches the gate, else the first stage's (below the gate).</summary>
    public double Score(string text) => Score(text, embedder.EmbedRequest(text));

    // The second stage's threshold is at least 0.5 (ThresholdRule), so a score under the gate never reaches it.
    private double Threshold => sentence?.Model.Threshold ?? model.Threshold;

    private double Score(string text, float[] features)
    {
        var first = model.Probability(features);
        return sentence is null || first < SentenceStage.Gate ? first : sentence.Score(text, features);
    }

    // A request has a few words at least: a heading such as "Safety and Equipment" scores as high as any request.
    private const int MinimumRequestWords = 5;

    // A request for harm planted in a document names a harm or is put as a request (read on the folded text, as the
    // signals are); a line of dialogue or oratory that does neither ("What more do they want?") is the document's own.
    private static bool MayRequestHarm(string folded) => HazardTerms.NamesAny(folded) || HazardTerms.Asks(folded) || TextSignals.HasRequestForm(folded);

    // The first piece at or over the threshold is enough to drop the passage; a passage that passes with pieces it
    // could not read says so.
    private IEnumerable<Detection> DetectInPassage(string passage)
    {
        var unread = 0;
        string? firstUnread = null;
        foreach (var (segment, _, text) in piecesOf(passage))
        {
            var piece = passage.Substring(segment.Start, segment.Length);
            if (PassageSegments.WordCount(piece) < MinimumRequestWords || LetterFrame.IsAddressLine(piece)) continue;
            if (!EnglishText.IsEnglish(piece))
            {
                unread++;
                firstUnread ??= piece;
                continue;
            }
            if (!MayRequestHarm(TextNormalizer.Fold(piece))) continue;
            var p = Score(piece, text);
            if (p >= Threshold)
                return [new Detection(Name, "harmful_request", Math.Round(p, 4), GuardrailAction.Block, segment.Start, segment.Length)];
        }
        if (firstUnread is not null) UnreadText.Record(Name, GuardrailStage.Context, firstUnread, unread);
        return [];
    }
}
