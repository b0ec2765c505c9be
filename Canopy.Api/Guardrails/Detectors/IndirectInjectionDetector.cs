using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Api.Guardrails;

/// <summary>
/// A retrieved passage (or tool result) that addresses the model rather than the student: each sentence, line or
/// quoted value is scored by a classifier over its token vectors, framing signals, position and distance from the
/// rest of the passage, so an appended or embedded task is found while course material that tells students what to
/// do ("Submit the report by Friday") is not; a piece scored near the threshold is also planted when it is off the
/// passage's topic (<see cref="TopicContrast"/>); in a letter, what the writer asks of its reader is not
/// (<see cref="LetterFrame"/>). Non-English pieces are skipped, and a passage that passes with some says so
/// (<see cref="UnreadText"/>).
/// </summary>
public sealed class IndirectInjectionDetector(SemanticModels models) : IGuardrailDetector
{
    public const string DetectorName = "indirect_injection";

    /// <summary>The category of a task for the model put above or after the body of a mail (<see cref="LetterFrame.AssistantWorkOutsideBody"/>).</summary>
    public const string AppendedTask = "appended_task";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Context };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        // Mail asks its reader for things; what stands outside its body and asks for an assistant's work was put there for the model.
        var letters = LetterFrame.Of(text);
        if (letters.AssistantWorkOutsideBody(models.PiecesOf(text).Select(p => p.Segment)) is { } task)
            return [new Detection(Name, AppendedTask, 1, GuardrailAction.Block, task.Start, task.Length)];
        var (score, segment, unread, firstUnread) = Read(text, letters);
        if (models.Topics.Planted(models.Indirect, score, text, segment))
            return [new Detection(Name, "indirect_injection", Math.Round(score, 4), GuardrailAction.Block, segment.Start, segment.Length)];
        if (firstUnread is not null) UnreadText.Record(Name, stage, firstUnread, unread);
        return [];
    }

    /// <summary>The highest score of any piece of the passage, and that piece.</summary>
    public (double Score, Segment Segment) Score(string passage)
    {
        var (score, segment, _, _) = Read(passage, LetterFrame.Of(passage));
        return (score, segment);
    }

    // The best piece, and the pieces skipped as not English (how many, and the first).
    private (double Score, Segment Segment, int Unread, string? FirstUnread) Read(string passage, LetterFrame letters)
    {
        var best = (Score: 0.0, Segment: default(Segment));
        var unread = 0;
        string? firstUnread = null;
        foreach (var (segment, features, _) in models.PiecesOf(passage))
        {
            if (letters.IsLettersOwn(segment)) continue;
            var piece = passage.Substring(segment.Start, segment.Length);
            if (!EnglishText.IsEnglish(piece))
            {
                unread++;
                firstUnread ??= piece;
                continue;
            }
            var p = models.Indirect.Probability(features);
            if (p > best.Score) best = (p, segment);
        }
        return (best.Score, best.Segment, unread, firstUnread);
    }
}
