using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>How mail opens, closes, quotes and is courteous, for <see cref="LetterFrame"/>: written from how mail is written, not from any dataset.</summary>
public static partial class LetterWords
{
    /// <summary>A piece that is only a courtesy or a sign-off, with at most a name after it: it asks nothing of anyone.</summary>
    public static bool IsCourtesy(ReadOnlySpan<char> piece) =>
        PassageSegments.WordCount(piece) <= MaxCourtesyWords && Courtesy().IsMatch(piece) && !AddressesAssistant().IsMatch(piece);

    private const int MaxCourtesyWords = 10;

    /// <summary>
    /// Whether a piece asks for what an assistant does rather than what a reader of mail does: to set aside its
    /// instructions, to produce or transform text ("Write a poem", "Translate this into French", "Start your reply
    /// with"), or to answer a question that concerns no one in the mail ("What is the capital of Peru?") or asks for a
    /// secret ("What's your password?"). Calling a number, visiting a page or replying by Friday is asked of the mail's
    /// reader.
    /// </summary>
    public static bool AsksForAssistantWork(ReadOnlySpan<char> piece) =>
        !TitleLine().IsMatch(piece) && (AssistantWork().IsMatch(piece) || AddressesAssistant().IsMatch(piece)
        || (piece.TrimEnd().EndsWith("?") && PassageSegments.WordCount(piece) >= 4 && (!Person().IsMatch(piece) || Secret().IsMatch(piece))));

    // A line of capitalised words, as in a signature's job title ("Teaching Assistant, School of Mathematics"): it names, it asks nothing.
    [GeneratedRegex(@"\A[\s>]*(?:\p{Lu}[\p{L}\p{N}.'’&-]*|of|and|for|the|to|in|at|on|&)(?:[\s,|/–-]+(?:\p{Lu}[\p{L}\p{N}.'’&-]*|of|and|for|the|to|in|at|on|&|\p{N}+)){0,7}[\s.]*\z")]
    private static partial Regex TitleLine();

    // Opening one of the passage's first lines (after header lines such as From:, To:, Subject: or a title): a greeting
    // word and a name or group, ended by a comma, a dash or a line break.
    [GeneratedRegex(@"\A\s*(?:[^\n]{0,120}\n\s*){0,6}?(?<greeting>(?:Hi|Hello|Hey|Dear|Good (?:morning|afternoon|evening)|Greetings)\b[^\n,.!?]{0,60}?(?:,|!|\s[—–-]\s|\r?\n))", RegexOptions.IgnoreCase)]
    internal static partial Regex Greeting();

    // A sign-off at the start of a line or after a sentence, followed by a comma or a line break.
    [GeneratedRegex(@"(?:^|(?<=[.!?]\s+))(?:Best(?: wishes| regards)?|(?:Kind|Warm(?:est)?|Many) regards|Regards|Thanks(?: again| so much| for [^,\n.!?]{1,40})?|Many thanks|Thank you(?: again| for [^,\n]{1,40})?|With thanks|Cheers|Warmly|Warm wishes|Sincerely|Yours(?: sincerely| faithfully| truly)?|All the best|See you[^,\n.!?]{0,30}|All my love|Lots of love|Love|Speak soon|Take care|Have a (?:lovely|great|good|nice) [^,\n.!?]{1,20}|Looking forward to [^,\n.!?]{1,30})[.!]*\s*(?:,|\r?\n)", RegexOptions.Multiline)]
    internal static partial Regex Closing();

    // Mail header lines on one of the passage's first lines (after a title or a banner): a letter even without a
    // greeting, when one of them is Subject:, or From: with an address (LetterFrame checks), so a handout that opens with
    // "Date: Week 5" is not one.
    [GeneratedRegex(@"\A\s*(?:[^\n]{0,200}\n\s*){0,3}?(?<headers>(?:(?:Subject|From|To|Cc|Date|Sent)\s*:[^\n]*(?:\r?\n|\z)\s*)+)", RegexOptions.IgnoreCase)]
    internal static partial Regex Headers();

    // The line where a reply or a forward quotes an earlier message; "On ... wrote:" only with a time, an address or a
    // short weekday in it, as mail writes it, so "On 19 November 1863, Lincoln wrote:" in a history text is not one.
    [GeneratedRegex(@"^[ \t>]*(?:-{3,}\s*(?:Forwarded message|Original Message)\s*-{3,}|Begin forwarded message:|On (?=[^\n]*(?:\d{1,2}[:.]\d{2}|@|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b))[^\n]{5,160}\bwrote:)[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    internal static partial Regex ThreadMarker();

    // Thanks, apologies, wishes and sign-offs, the whole piece, with at most a short name after them.
    [GeneratedRegex(@"\A[\s>]*(?:(?:many |huge |big )?thanks(?: (?:so much|again|a lot|all|everyone|in advance))?(?: for (?:\w+[ '’]){0,5}\w+)?|thank you(?: (?:so much|again|all|everyone|in advance))?(?: for (?:\w+[ '’]){0,5}\w+)?|(?:kind |warm(?:est)? |best |with best )?(?:regards|wishes)|best|cheers|all the best|all my love|lots of love|love|take care|speak soon|talk (?:soon|later)|see you(?: \w+){0,3}|have a (?:lovely|great|good|nice) (?:\w+ )?\w+|good luck(?: with (?:\w+ ){0,3}\w+)?|(?:we |i )?(?:apologi[sz]e|are sorry|am sorry) for (?:any|the) inconvenience(?: (?:this may cause|caused))?|sorry for the (?:inconvenience|delay|late reply)|hope (?:this|that) helps|hope you(?:'re| are) (?:well|keeping well)|looking forward to (?:\w+ ){0,4}\w+|sent from my (?:\w+ ){0,2}\w+|get outlook for \w+)[\s,.!]*(?-i:(?:\p{Lu}[\p{L}.'’-]*(?:[\s,]+|\z)){0,3})\z", RegexOptions.IgnoreCase)]
    private static partial Regex Courtesy();

    // Override words, a task opening the piece or a clause, a request put to "you" as an agent, or words for the
    // model's output or for whoever reads the mail on the reader's behalf.
    [GeneratedRegex(@"\b(?:ignore|disregard|(?<!(?:don't|do not|never) )forget|override|bypass)\b|(?:\A\W*|[,:;]\s+)(?:(?:p\.?\s?s|n\.?\s?b|note|reminder|important)\b\W+)?(?:(?:and|now|then|also|ok|okay|so|finally|just)\W+)?(?:please\W+|kindly\W+|(?:be sure|make sure|remember) to\W+)?(?:(?:can|could|would|will) you(?: please)?\W+)?(?:write(?! to\b| back\b| in\b)|compose|generate|create|draft|come up with|work out|make up|say|produce|translate|summari[sz]e|rewrite|paraphrase|list|explain|describe|tell me|give me|provide|output|print|repeat|answer|calculate|compute|solve|recommend|suggest|respond|insert|append|encode|decode|convert|classify|analy[sz]e|spell out|pretend|imagine|act as|(?:start|begin|end|format) (?:your|the|each|every) (?:reply|response|answer|summary|output|message)s?)\b|\b(?:i (?:want|need) you to|your (?:new )?(?:task|job|instructions?)|from now on|you are now|you must now|(?:speak|talk|write|act|behave|respond) like|(?:play|take on|assume) the role of|pretend (?:to be|you|that you)|imagine you)\b|\b(?:say|reply|respond|answer)(?: only)?(?: with)? [""“']|\bQ:\s.*\bA:\s|\b(?:any|every|each) (?:answer|summary|reply|response)s?\b|\bif asked (?:about|to)\b|\b(?:whoever|anyone who|whatever|whichever) (?:is )?(?:reads?|reading|process(?:es|ing)?|summari[sz](?:es|ing)|handl(?:es|ing))\b|\b(?:inform|tell|remind|warn|advise|ask|let) the (?:reader|recipient|person reading)\b|\bwhen (?:reporting on|describing|discussing|handling|processing) this\b|\bif you(?:'re| are) (?:summari[sz]ing|reading|processing|answering)\b|\b(?:previous|earlier|prior|original) (?:instructions?|guidance|requests?|brief)\b|\b(?:take|takes) priority over\b|\bsupersedes?\b|\b(?:in place|instead) of what(?:ever)?\b|\bthe (?:\w+ )?(?:response|reply|answer|summary|output) (?:to|for|of) this\b|\b(?:all|any) output\b|\b(?:answers|responses|replies) must\b|\byou were (?:asked|told) to\b|\b(?:set|leave|put) (?:\w+ ){0,3}aside\b|\bdrop the (?:original|previous|earlier)\b|\brather than respond|\bskip the rest\b|\b(?:(?:whole|entire) (?:conversation|chat history|inbox|mailbox)|(?:this|the) (?:conversation|chat history)|(?:in|from|through) (?:the|this|your) (?:inbox|mailbox))\b", RegexOptions.IgnoreCase)]
    private static partial Regex AssistantWork();

    [GeneratedRegex(@"\b(?:passwords?|passcodes?|pass ?phrases?|pins?|secret|credentials|api keys?|card numbers?|cvv|security codes?|bank balance)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Secret();

    // Someone in the mail (its writer, its reader, people it names as a group) or the mail itself.
    [GeneratedRegex(@"\b(?:i|i'[a-z]+|me|my|mine|we|we'[a-z]+|us|our|ours|you|you'[a-z]+|your|yours|u|ur|anyone|anybody|someone|somebody|everyone|everybody|(?:this|these) (?:e-?mails?|messages?|newsletters?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Person();

    [GeneratedRegex(@"\A\s*(?:From|To|Cc|Bcc|Reply-To|Sender|Recipients?)\s*:(?<entries>[^\n]*)\z", RegexOptions.IgnoreCase)]
    internal static partial Regex AddressLine();

    [GeneratedRegex(@"<[^>]*>|\S+@\S+")]
    internal static partial Regex Address();

    [GeneratedRegex(@"\n[ \t]*\r?\n\s*(?=\S)")]
    internal static partial Regex ParagraphBreak();

    /// <summary>Words by which a piece speaks of or to an assistant, or of what the model does with the text.</summary>
    [GeneratedRegex(@"\b(?:AI|A\.I\.|assistants?|chat ?bots?|chat ?GPT|GPT|LLMs?|language models?|system prompt|prompts?|the user'?s?|your (?:response|output|answer|summary|reply|replies)|(?:respond|reply|answer) (?:only )?(?:with|in|using)|when (?:summari[sz]ing|answering|responding|replying)|summar(?:y|ise|ize) (?:of )?(?:this|the) (?:e-?mail|message|text|document))\b", RegexOptions.IgnoreCase)]
    public static partial Regex AddressesAssistant();
}
