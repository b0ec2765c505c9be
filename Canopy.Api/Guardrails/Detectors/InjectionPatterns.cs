using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// One phrasing of an attack: what it is called, what it reports, and where it applies; <paramref name="InPassage"/>, if
/// set, is the form read in a retrieved passage, where "I" is the document's writer rather than the student.
/// </summary>
public sealed record InjectionPattern(string Name, string Category, bool InPassages, Regex Regex, Regex? InPassage = null)
{
    public Regex For(GuardrailStage stage) => stage == GuardrailStage.Context ? InPassage ?? Regex : Regex;
}

/// <summary>
/// Phrasings of instruction override, prompt extraction, secret fishing and jailbreak personas. Each entry stays only
/// while it earns its place on the training pool (the evaluation command prints the audit): at least two
/// attack rows matched and at most one benign row per ten attacks. <see cref="InjectionPattern.InPassages"/> marks the
/// ones that also apply to retrieved passages, where text legitimately addresses students.
/// </summary>
public static partial class InjectionPatterns
{
    public static readonly IReadOnlyList<InjectionPattern> All =
    [
        new("ignore_previous", "instruction_override", true, IgnorePrevious(), IgnorePreviousInPassage()),
        new("forget_everything", "instruction_override", true, ForgetEverything(), ForgetEverythingInPassage()),
        new("ignore_the_above", "instruction_override", true, IgnoreTheAbove(), IgnoreTheAboveInPassage()),
        new("forget_all_before", "instruction_override", true, ForgetAllBefore()),
        new("ignore_and_say", "instruction_override", true, IgnoreAndSay()),
        new("new_task_marker", "instruction_override", true, NewTaskMarker()),
        new("ignore_previous_de", "instruction_override", true, IgnorePreviousDe()),
        new("new_task_de", "instruction_override", true, NewTaskDe()),
        new("forget_all_es", "instruction_override", true, ForgetAllEs()),
        new("reveal_prompt", "system_prompt_extraction", true, RevealPrompt()),
        new("ask_instructions", "system_prompt_extraction", true, AskInstructions()),
        new("chat_markup", "system_prompt_extraction", true, ChatMarkup()),
        new("secret_fishing", "secret_extraction", false, SecretFishing()),
        new("not_an_assistant", "jailbreak", false, NotAnAssistant()),
        new("unfiltered_persona", "jailbreak", false, UnfilteredPersona()),
        new("jailbreak_mode", "jailbreak", false, JailbreakMode()),
        new("do_anything_now", "jailbreak", false, DoAnythingNow()),
        new("no_restrictions", "jailbreak", false, NoRestrictions()),
        new("lawless_persona", "jailbreak", false, LawlessPersona()),
    ];

    private const string OverrideVerb = @"(ignore|ignoring|disregard|forget|override|bypass|skip|drop|abandon|discard|neglect|dismiss)\b";
    private const string NotMine = @"(?:(?!\bmy\b).)"; // "disregard my previous message" is the student's own words
    // "Ignore the instructions I gave you about tone" and "forget everything I wrote before" take back the student's own
    // words; in a passage the writer's "I" is no student's, so the passage forms read them.
    private const string NotTheStudents = @"(?! (that |which )?(i|we)( just| had| have)? (said|wrote|gave|sent|typed|told|asked|mentioned|made|put|added|shared|pasted)\b)";
    private const string OverriddenThing = @"(instructions?|prompts?|rules|directions?|directives?|guidelines|context|orders?|commands?|tasks?|messages?|constraints|restrictions|everything)\b";

    // Either the model's own earlier instructions ("ignore all preceding orders") unless a person is the subject ("should I
    // ignore the earlier instructions"), or any "ignore all/the … rules" told to the model: opening a clause or after
    // "please", "you", "to" (not "a player can ignore the rules of the game"). The verb comes first so the search can
    // start from it; the look-behinds then read what stands before it.
    private const string IgnorePreviousForm = @"\b" + OverrideVerb + @"(?:(?<!\b(i|we|they|he|she|people|someone|somebody|one|students?|users?) \w+)" + NotMine + @"{0,40}\b(previous|prior|above|earlier|preceding|former|system|initial|original|your)\b" + NotMine + @"{0,30}\b(instructions?|prompts?|directions?|directives?|guidelines|context|orders?|commands?|constraints)\b"
        + @"|(?<=(^|[.!?:;,""'()\[\]*>-]\s*|\b(please|and|then|now|just|also|simply|kindly|first|so|but|or|you|must|should|will|to|always|immediately|strictly|completely|hereby|ok|okay)\s+)\w+)" + NotMine + @"{0,40}\b(previous|prior|above|earlier|preceding|former|all|any|every|your|the|these|those|system|initial|original|provided)\b" + NotMine + @"{0,30}\b" + OverriddenThing + ")";

    [GeneratedRegex(IgnorePreviousForm + NotTheStudents)]
    private static partial Regex IgnorePrevious();

    [GeneratedRegex(IgnorePreviousForm)]
    private static partial Regex IgnorePreviousInPassage();

    private const string ForgetEverythingForm = @"\b(forget|ignore|disregard) (about )?(everything|all( of)? (that|this|the above|what))\b";

    [GeneratedRegex(ForgetEverythingForm + NotTheStudents)]
    private static partial Regex ForgetEverything();

    [GeneratedRegex(ForgetEverythingForm + @"(?! i (said|wrote|asked) about\b)")]
    private static partial Regex ForgetEverythingInPassage();

    private const string IgnoreTheAboveStart = @"\b(ignore|disregard|forget) (the |everything )?(above|before that|what i (said|told you)";
    private const string IgnoreTheAboveEnd = @")\b(?! (typos?|mistakes?|errors?|spelling|grammar|formatting|message|question|sentence|paragraph|example|draft|line|part)\b)";

    // "Ignore what I said earlier about bullet points" takes back the student's own words, when it was said or not.
    [GeneratedRegex(IgnoreTheAboveStart + @"(?!( (earlier|before|previously|just now|last time|yesterday|first|at first|at the start))? (about|regarding)\b)" + IgnoreTheAboveEnd)]
    private static partial Regex IgnoreTheAbove();

    [GeneratedRegex(IgnoreTheAboveStart + IgnoreTheAboveEnd)]
    private static partial Regex IgnoreTheAboveInPassage();

    [GeneratedRegex(@"\bforget (everything|all) (before|above|we|you)\b")]
    private static partial Regex ForgetAllBefore();

    // "Ignore the typo and answer" is a student correcting themselves.
    [GeneratedRegex(@"\b(ignore|ignoring|disregard)\b(?! (the |my )?(above |previous |last )?(typos?|mistakes?|errors?|spelling|grammar|formatting|message|question|sentence|paragraph|example|draft|line|part)\b).{0,40}\b(and|then|,)\s*(state|say|print|output|respond|reply|answer|write|declare|tell)\b")]
    private static partial Regex IgnoreAndSay();

    // "New task: summarise chapter 4" opening a student's message is the student's own task.
    [GeneratedRegex(@"\b(your|a) new (statement|instruction|task) ?[-:]|\bnew (statement|instruction) ?[-:]")]
    private static partial Regex NewTaskMarker();

    [GeneratedRegex(@"\b(ignorier\w*|vergiss|vergessen sie|vergesst|missacht\w*|überspring\w*)\b.{0,40}\b(alle[snm]?|vorherige\w*|bisherige\w*|obige\w*|vorige\w*|davor|zuvor|oben|gesagte\w*|anweisung\w*|aufträge)\b")]
    private static partial Regex IgnorePreviousDe();

    [GeneratedRegex(@"\bmit einer neuen aufgabe\b")]
    private static partial Regex NewTaskDe();

    [GeneratedRegex(@"\b(olvid[ae]|olvide) todo\b")]
    private static partial Regex ForgetAllEs();

    // "The instructions" are the model's only when said to be given to it: "What are the instructions for lab 3?" is a student's.
    [GeneratedRegex(@"\b(reveal|show|print|repeat|output|tell me|what (is|are|were)|display|leak|give me|share|write (out|down)|dump|paste)\b.{0,50}\b((?<!\ba )system prompt(?! (design|engineering|patterns?|templates?|examples?|formats?|best practices|for (a|an|my|our)\b))|your (initial |original |secret |hidden |exact )?(instructions|directives|configuration)|the (initial|original|secret|hidden|exact|system|first) (instructions|directives|configuration)(?! (for|of|to|in|on|from|that|which) (?!(you|this)\b))|the (instructions|directives|configuration) (you|above|given|that you|which you|before|at the (start|beginning|top)|in your|from your|of your)|hidden (prompt|instructions|rules)|(the )?(text|prompt) above|above (text|prompt))\b")]
    private static partial Regex RevealPrompt();

    [GeneratedRegex(@"\bwhat (were|are) your (initial |original )?instructions\b")]
    private static partial Regex AskInstructions();

    [GeneratedRegex(@"</?(system|instructions?|im_start|im_end)>")]
    private static partial Regex ChatMarkup();

    // "The password for the campus Wi-Fi" and "the secret key between two parties" are a student's questions.
    [GeneratedRegex(@"\b(what is|what's|tell me|give me|share|confirm|reveal|provide|send|print|spell|disclose)\b.{0,40}\b(your|the|our|this|that|system|secret|account)('s)? ?(password|passcode|passphrase|pass code|pass phrase|secret (key|word|code|phrase)|access code|pin)\b(?! (policy|policies|manager|hash|hashing|strength|requirements?|rules|between|length|size|used)\b)(?! (for|of|to|on|in|at) (the|a|an)\b)")]
    private static partial Regex SecretFishing();

    [GeneratedRegex(@"\byou are no \w+ (team|bot|assistant|model|ai)\b")]
    private static partial Regex NotAnAssistant();

    [GeneratedRegex(@"\byou('re| are) (now )?(dan|an? (unfiltered|unrestricted|uncensored|evil|jailbroken|free))\b")]
    private static partial Regex UnfilteredPersona();

    // "Developer mode" and "god mode" are also a phone's and a game's: only the model's counts. Each form starts at the
    // mode's name and reads what stands around it, so the search starts from a rare word.
    [GeneratedRegex(@"\b(dan|unrestricted|unfiltered|jailbroken) mode\b|\b(developer|god|jailbreak) mode\b(?:(?= (is )?(now )?(enabled|activated|on(?=\s*([.!?,;:)]|$))))|(?<=\bwith \w+ mode)|(?<=(\b(you|you're|you are|chatgpt|assistant)( will| are| now)*|^|[.!?:;]) (now )?(in|into|enter|entering|activate|enable|switch to) \w+ mode|^(now )?(enter|activate|enable|switch to) \w+ mode)(?! (on|in|for|of)\b))")]
    private static partial Regex JailbreakMode();

    [GeneratedRegex(@"\bdo anything now\b")]
    private static partial Regex DoAnythingNow();

    // Restrictions the model or its persona is to be without: "a market without any restrictions on imports" is economics.
    // The rules are matched first and what stands before them is read from there.
    [GeneratedRegex(@"\b(rules|restrictions|filters|censorship|limitations|limits|guidelines|boundaries)\b(?<=(\b(act|pretend|play|behave|respond|answer|reply|talk|speak|become|roleplay)\b( [\w']+){0,4}?|\byou( are|'re)?( now)?( have| has)?|\b(an?|the) (ai|assistant|model|chatbot|bot|llm|persona|character)|\bassum(e|ing)( that)?( there are)?)( with no| without( any| all)?| having no| that has no| who has no| no| free (of|from)( any| all)?| freed from( any| all)?)( ethical| moral| content| safety)? \w+)(?! (on|for|about|regarding|of)\b)")]
    private static partial Regex NoRestrictions();

    // A persona set up for the model and, within a few sentences, said to be free of rules or never to refuse: the
    // commonest jailbreak, whatever the persona is called. "An examiner with no mercy" and "no filters on sources" pass.
    [GeneratedRegex(@"\b(you are|you're|you will (now )?(be|play|act|become|take)|you'll be|act as|acting as|pretend (to be|you are|that you are|you're)|play the (role|part) of|take on the (role|persona) of|role-?play as|simulate|from now on you|your new (name|persona|identity))\b"
        + @"[\s\S]{0,600}?\b((no|without|free of|broken free of|freed from|escaped( from)?|unbound by|not bound by|no longer bound by)( any| every| all| its| the| your)?( content| ethical| moral| safety)? (content polic(y|ies)|policies|rules|(?<=(every|any|a single) )rule|filters?|restrictions?|limits|limitations|ethics|morals|moral compass|guidelines|censorship|boundaries|conscience)"
        + @"|never (refuses?|declines?|says? no|adds? (any )?warnings?|warns?)(?! to\b)|(does not|doesn't|won't|will not|cannot|can't) (care about|follow|obey|respect)( any| the| its| your)? (rules|laws|ethics|morals|policies|guidelines)|(won't|will not|cannot|can't) (refuse|decline)|amoral|nonmoral|unfiltered|uncensored|unrestricted|unbound|jailbroken)\b(?! (on|for|about|regarding|of|in)\b)")]
    private static partial Regex LawlessPersona();
}
