namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// The letters in a passage and their bodies. A passage is split into messages at the lines where a mail thread quotes
/// an earlier one ("On Tue, 4 Mar, Nina wrote:", "---------- Forwarded message ---------"); a message reads as a
/// letter when it opens with a greeting ("Hi all,", "Dear Dr Okafor,") or with mail header lines (Subject:, From:).
/// Its body runs from its opening to its closing ("Best wishes,", "Thanks, Priya", "See you Tuesday,"; the closing line
/// included when only a name follows it) or, without a closing, to its last paragraph (to its last piece, if it has
/// one paragraph). A person writing to a person asks, promises and apologises there ("Send me the revised version by
/// Monday"), which is how a task planted for the model reads to the indirect-injection classifier, so a piece of a body
/// counts only when it also speaks of or to an assistant (<see cref="LetterWords.AddressesAssistant"/>). After the
/// body (a P.S., a footer, the last paragraph), where an appended instruction sits, mail still asks its reader to
/// call, visit or reply, so a piece there counts only when it asks for an assistant's work, and such a piece is a task
/// for the model (<see cref="AssistantWorkOutsideBody"/>), as it is above the mail (a banner, a note); what comes
/// before the greeting is otherwise read as in any passage.
/// Quoted lines ("> ...") of a thread are the earlier messages', and a piece that is only a courtesy ("Thanks for your
/// patience.", "We apologise for any inconvenience.") asks nothing wherever it stands.
/// </summary>
public sealed class LetterFrame
{
    private readonly string passage;
    private readonly List<(int Start, (int Start, int End)? Body)> messages = [];

    // Where the mail starts: the first letter's opening, or the passage's start in a thread; null when it is not mail.
    private int? mailStart;

    private LetterFrame(string passage) => this.passage = passage;

    public static LetterFrame Of(string passage)
    {
        var frame = new LetterFrame(passage);
        var starts = LetterWords.ThreadMarker().Matches(passage).Select(m => m.Index).Prepend(0).Distinct().ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : passage.Length;
            // A quoted message starts after its marker line.
            var from = i == 0 ? 0 : passage.IndexOf('\n', starts[i]) is var n and >= 0 && n < end ? n + 1 : end;
            frame.messages.Add((starts[i], BodyOf(passage, from, end)));
        }
        frame.mailStart = frame.messages.FirstOrDefault(m => m.Body is not null).Body?.Start ?? (starts.Count > 1 ? 0 : null);
        return frame;
    }

    /// <summary>The first message's body, or null when it does not read as a letter.</summary>
    public (int Start, int End)? Body => messages[0].Body;

    /// <summary>
    /// Whether the piece is the mail's own: a courtesy anywhere; or, once the mail has started and not speaking of or to
    /// an assistant, a piece of a body or of a thread's quoted lines, or a piece after the body that asks for nothing an
    /// assistant does (<see cref="LetterWords.AsksForAssistantWork"/>).
    /// </summary>
    public bool IsLettersOwn(Segment segment)
    {
        var piece = passage.AsSpan(segment.Start, segment.Length);
        if (LetterWords.IsCourtesy(piece)) return true;
        if (mailStart is not { } start || segment.Start < start || LetterWords.AddressesAssistant().IsMatch(piece)) return false;
        // After the body (a footer, a P.S., the last paragraph) a request to the reader is still the mail's; a task for an
        // assistant there is not (and drops the passage by itself: AssistantWorkOutsideBody).
        return InBody(segment.Start) || !LetterWords.AsksForAssistantWork(piece);
    }

    /// <summary>
    /// The first piece of a mail outside its bodies (above it, as a banner or note, or after it) that asks for an
    /// assistant's work, if any. <paramref name="pieces"/>: the passage's pieces when the caller has them already.
    /// </summary>
    public Segment? AssistantWorkOutsideBody(IEnumerable<Segment>? pieces = null) => mailStart is null ? null
        : (pieces ?? PassageSegments.Split(passage))
            .Where(s => !InBody(s.Start) && !LetterWords.IsCourtesy(passage.AsSpan(s.Start, s.Length)))
            .Cast<Segment?>().FirstOrDefault(p => LetterWords.AsksForAssistantWork(passage.AsSpan(p!.Value.Start, p.Value.Length)));

    // In a message's body, or on a quoted line (an earlier message of a thread, wherever it stands).
    private bool InBody(int start) =>
        messages.FindLast(m => m.Start <= start).Body is { } b && start >= b.Start && start < b.End || IsQuoted(start);

    /// <summary>A mail header line that names senders or recipients ("To: Dr Laura Bianchi &lt;l.bianchi@example.edu&gt;"): it asks nothing.</summary>
    public static bool IsAddressLine(string piece)
    {
        var match = LetterWords.AddressLine().Match(piece);
        // Each entry is an address and at most a name beside it, so nothing else can hide on the line.
        return match.Success && match.Groups["entries"].Value.Split([',', ';']).All(entry =>
            entry.Contains('@') && PassageSegments.WordCount(LetterWords.Address().Replace(entry, " ")) <= 4);
    }

    // The body of the message in [from, end), or null when it does not open as a letter.
    private static (int Start, int End)? BodyOf(string passage, int from, int end)
    {
        var text = passage[from..end];
        // Header lines right above the greeting (or in its place) are the letter's too: its subject is the writer's.
        var headers = LetterWords.Headers().Match(text) is { Success: true } h && IsMailHeaders(h.Groups["headers"].ValueSpan)
            ? h.Groups["headers"] : null;
        int start, after;
        if (LetterWords.Greeting().Match(text) is { Success: true } match)
        {
            var greeting = match.Groups["greeting"];
            (start, after) = (headers is not null && greeting.Index == headers.Index + headers.Length ? headers.Index : greeting.Index, greeting.Index + greeting.Length);
        }
        else if (headers is not null) (start, after) = (headers.Index, headers.Index + headers.Length);
        else return null;
        while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
        var closing = LetterWords.Closing().Match(text, after);
        if (closing.Success) return (from + start, from + ClosingEnd(text, closing.Index, closing.Index + closing.Length));
        // Without a closing, the last paragraph (or, in one paragraph, the last piece) stays outside: an appended task would be there.
        var bodyEnd = LetterWords.ParagraphBreak().Matches(text, after).LastOrDefault()?.Index
            ?? (PassageSegments.Split(text[after..]) is { Count: > 0 } pieces ? after + pieces[^1].Start : text.Length);
        return (from + start, from + bodyEnd);
    }

    // A subject, or a sender with an address: a reading that opens "From: Madison, Federalist No. 10" is not mail.
    private static bool IsMailHeaders(ReadOnlySpan<char> lines) =>
        lines.Contains("subject:", StringComparison.OrdinalIgnoreCase) || (lines.Contains("from:", StringComparison.OrdinalIgnoreCase) && lines.Contains('@'));

    // The closing line is the letter's own when nothing but a name follows it on that line ("See you Tuesday, Priya");
    // anything longer there is read like what follows the letter.
    private static int ClosingEnd(string text, int closingStart, int closingEnd)
    {
        var lineEnd = text.IndexOf('\n', closingEnd) is var n and >= 0 ? n : text.Length;
        return PassageSegments.WordCount(text.AsSpan(closingEnd, lineEnd - closingEnd)) <= MaxSignatureWords ? lineEnd : closingStart;
    }

    private const int MaxSignatureWords = 4;

    // The piece's line opens with ">" (the piece itself may start with it).
    private bool IsQuoted(int start)
    {
        var lineStart = start == 0 ? 0 : passage.LastIndexOf('\n', start - 1) + 1;
        return passage.AsSpan(lineStart).TrimStart(" \t").StartsWith(">");
    }
}
