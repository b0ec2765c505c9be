using System.Diagnostics;
using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// The indirect-injection classifier's second stage: how close, in MiniLM's sentence vectors, a passage's best-scoring
/// piece is to the rest of the passage. A task planted for the model is usually about something else (a poem, a
/// script, a question on any subject), while what course material asks of students is about the course; averaged
/// token vectors barely tell the two apart, the transformer does. It reads only a piece the classifier scores at or
/// over <see cref="Gate"/> and under its threshold, and costs two encodings (the piece and the rest).
/// </summary>
public sealed partial class TopicContrast(SentenceVectors vectors)
{
    /// <summary>
    /// The first-stage score from which the second stage reads a passage. Chosen for cost: of the clean training carriers
    /// scored out of fold, 158 of 1,781 reach it and stay under the threshold (docs/guardrails.md).
    /// </summary>
    public const double Gate = 0.8;

    /// <summary>A piece of fewer words says too little for its sentence vector to tell what it is about (a fragment cut at "Dr.").</summary>
    public const int MinimumWords = 6;

    /// <summary>
    /// The cosine similarity of the piece's sentence vector and the rest of the passage's; 1 when the piece is short, names
    /// the course's own things, or there is no rest.
    /// </summary>
    public double Similarity(string passage, Segment piece)
    {
        var text = passage.AsSpan(piece.Start, piece.Length);
        if (PassageSegments.WordCount(text) < MinimumWords || CourseWords().IsMatch(TextNormalizer.Fold(text.ToString()))) return 1;
        var rest = string.Concat(passage.AsSpan(0, piece.Start), " ", passage.AsSpan(piece.Start + piece.Length)).Trim();
        if (PassageSegments.WordCount(rest) < 3) return 1;
        var started = Stopwatch.GetTimestamp();
        var similarity = TensorPrimitives.CosineSimilarity(vectors.Of(passage.Substring(piece.Start, piece.Length)), vectors.Of(rest));
        SentenceStage.Record(IndirectInjectionDetector.DetectorName, "canopy.guardrails.topic_similarity", similarity, started);
        return similarity;
    }

    // What a course asks of its students ("Read chapter 3 before the lecture") is off the topic of the text around it too,
    // but names the course's own things; the first stage alone judges such a piece.
    [GeneratedRegex(@"\b(chapters?|sections?|lectures?|tutorials?|seminars?|syllab(us|i)|exams?|examinations?|midterms?|finals|quiz(zes)?|tests?|homework|assignments?|coursework|deadlines?|modules?|textbooks?|readings?|labs?|laborator(y|ies)|office hours|grades?|grading|marks?|credits?|semesters?|terms?|weeks? \d+|(autumn|fall|spring|summer|winter) \d{4}|class(es|mates?)?|courses?|instructors?|professors?|lecturers?|tutors?|teaching assistants?|rubrics?|submissions?|submit|portal|canvas|moodle|blackboard|problem sets?|exercises?|worksheets?|handouts?|slides|students?|campus|library|registrar|enrol(l)?(ment)?|register|extensions?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CourseWords();

    /// <summary>Whether a piece scored <paramref name="score"/> by <paramref name="model"/> is planted: over the threshold, or over the gate and off the passage's topic.</summary>
    public bool Planted(ClassifierModel model, double score, string passage, Segment piece) =>
        score >= model.Threshold
        || (model.TopicSimilarity is { } cut && score >= Gate && Similarity(passage, piece) < cut);
}
