using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// The body of a letter or e-mail: from its greeting ("Hi all,", "Dear Dr Okafor,") to its closing ("Best wishes,",
/// "Thanks, Priya"), or, when it has no closing, to its last paragraph (or last piece, if it has one paragraph). A
/// person writing to a person asks, promises and apologises there ("Send me the revised version by Monday", "I will bring snacks"), which is how a task planted for
/// the model reads to the indirect-injection classifier, so a piece inside the body counts only when it also speaks of
/// or to an assistant (<see cref="AddressesAssistant"/>). A task put before the greeting or after the closing, where
/// an appended instruction sits, is read as in any passage.
/// </summary>
public static partial class LetterFrame
{
    /// <summary>
    /// Where the letter's body starts and ends (no end: it has neither a closing nor a second paragraph), or null when
    /// the passage does not read as a letter.
    /// </summary>
    public static (int Start, int? End)? BodyOf(string passage)
    {
        var match = Greeting().Match(passage);
        if (!match.Success) return null;
        var greeting = match.Groups["greeting"];
        var from = greeting.Index + greeting.Length;
        while (from < passage.Length && char.IsWhiteSpace(passage[from])) from++;
        var closing = Closing().Match(passage, from);
        if (closing.Success) return (greeting.Index, closing.Index);
        // Without a closing, a last paragraph stays outside: an appended task would be there.
        var lastBreak = ParagraphBreak().Matches(passage, from).LastOrDefault();
        return (greeting.Index, lastBreak?.Index);
    }

    /// <summary>Whether the piece is the letter's own: inside its body and not speaking of or to an assistant.</summary>
    public static bool IsLettersOwn(string passage, Segment segment, (int Start, int? End)? body)
    {
        if (body is not { } b || segment.Start < b.Start) return false;
        // Without a closing or a second paragraph the last piece stays outside. A quoted line ("> ...") is the earlier
        // message of a reply, wherever it stands.
        var inside = b.End is { } end ? segment.Start < end : !segment.IsLast;
        return (inside || IsQuoted(passage, segment.Start)) && !AddressesAssistant().IsMatch(passage.AsSpan(segment.Start, segment.Length));
    }

    /// <summary>A mail header line that names senders or recipients ("To: Dr Laura Bianchi &lt;l.bianchi@example.edu&gt;"): it asks nothing.</summary>
    public static bool IsAddressLine(string piece)
    {
        var match = AddressLine().Match(piece);
        // Each entry is an address and at most a name beside it, so nothing else can hide on the line.
        return match.Success && match.Groups["entries"].Value.Split([',', ';']).All(entry =>
            entry.Contains('@') && PassageSegments.WordCount(Address().Replace(entry, " ")) <= 4);
    }

    // The piece's line opens with ">" (the piece itself may start with it).
    private static bool IsQuoted(string passage, int start)
    {
        var lineStart = start == 0 ? 0 : passage.LastIndexOf('\n', start - 1) + 1;
        return passage.AsSpan(lineStart).TrimStart(" \t").StartsWith(">");
    }

    // Opening one of the passage's first lines (after header lines such as From:, To:, Subject: or a title): a greeting
    // word and a name or group, ended by a comma, a dash or a line break.
    [GeneratedRegex(@"\A\s*(?:[^\n]{0,120}\n\s*){0,6}?(?<greeting>(?:Hi|Hello|Hey|Dear|Good (?:morning|afternoon|evening)|Greetings)\b[^\n,.!?]{0,60}?(?:,|!|\s[—–-]\s|\r?\n))", RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    // A sign-off at the start of a line or after a sentence, followed by a comma or a line break.
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s+))(?:Best(?: wishes| regards)?|(?:Kind|Warm(?:est)?|Many) regards|Regards|Thanks(?: again| so much)?|Many thanks|Thank you(?: again| for [^,\n]{1,40})?|With thanks|Cheers|Warmly|Sincerely|Yours(?: sincerely| faithfully| truly)?|All the best|See you[^,\n.!?]{0,30}|Love|Speak soon|Take care)\s*(?:,|\r?\n)", RegexOptions.Multiline)]
    private static partial Regex Closing();

    [GeneratedRegex(@"\A\s*(?:From|To|Cc|Bcc|Reply-To|Sender|Recipients?)\s*:(?<entries>[^\n]*)\z", RegexOptions.IgnoreCase)]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"<[^>]*>|\S+@\S+")]
    private static partial Regex Address();

    [GeneratedRegex(@"\n[ \t]*\r?\n\s*(?=\S)")]
    private static partial Regex ParagraphBreak();

    // Words by which a piece speaks of or to an assistant, or of what the model does with the text.
    [GeneratedRegex(@"\b(?:AI|A\.I\.|assistants?|chat ?bots?|chat ?GPT|GPT|LLMs?|language models?|system prompt|prompts?|the user'?s?|your (?:response|output|answer|summary|reply|replies)|(?:respond|reply|answer) (?:only )?(?:with|in|using)|when (?:summari[sz]ing|answering|responding|replying)|summar(?:y|ise|ize) (?:of )?(?:this|the) (?:e-?mail|message|text|document))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddressesAssistant();
}
