using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>One phrasing of an attack: what it is called, what it reports, and where it applies.</summary>
public sealed record InjectionPattern(string Name, string Category, bool InPassages, Regex Regex);

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
        new("ignore_previous", "instruction_override", true, IgnorePrevious()),
        new("forget_everything", "instruction_override", true, ForgetEverything()),
        new("ignore_the_above", "instruction_override", true, IgnoreTheAbove()),
        new("forget_all_before", "instruction_override", true, ForgetAllBefore()),
        new("ignore_and_say", "instruction_override", true, IgnoreAndSay()),
        new("new_task_marker", "instruction_override", true, NewTaskMarker()),
        new("from_now_on", "instruction_override", false, FromNowOn()),
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
    ];

    [GeneratedRegex(@"\b(ignore|ignoring|disregard|forget|override|bypass|skip|drop|abandon|discard|neglect|dismiss)\b.{0,40}\b(previous|prior|above|earlier|preceding|former|all|any|every|your|the|these|those|system|initial|original|provided)\b.{0,30}\b(instructions?|prompts?|rules|directions?|directives?|guidelines|context|orders?|commands?|tasks?|messages?|constraints|restrictions|everything)\b")]
    private static partial Regex IgnorePrevious();

    [GeneratedRegex(@"\b(forget|ignore|disregard) (about )?(everything|all( of)? (that|this|the above|what))\b")]
    private static partial Regex ForgetEverything();

    [GeneratedRegex(@"\b(ignore|disregard|forget) (the |everything )?(above|before that|what i (said|told you))\b")]
    private static partial Regex IgnoreTheAbove();

    [GeneratedRegex(@"\bforget (everything|all) (before|above|we|i|you)\b")]
    private static partial Regex ForgetAllBefore();

    [GeneratedRegex(@"\b(ignore|ignoring|disregard)\b.{0,40}\b(and|then|,)\s*(state|say|print|output|respond|reply|answer|write|declare|tell)\b")]
    private static partial Regex IgnoreAndSay();

    [GeneratedRegex(@"\bnew (statement|instruction|task) ?[-:]")]
    private static partial Regex NewTaskMarker();

    [GeneratedRegex(@"\bfrom now on,? (you|respond|answer|only|always|act|reply)\b")]
    private static partial Regex FromNowOn();

    [GeneratedRegex(@"\b(ignorier\w*|vergiss|vergessen sie|vergesst|missacht\w*|überspring\w*)\b.{0,40}\b(alle[snm]?|vorherige\w*|bisherige\w*|obige\w*|vorige\w*|davor|zuvor|oben|gesagte\w*|anweisung\w*|aufträge)\b")]
    private static partial Regex IgnorePreviousDe();

    [GeneratedRegex(@"\bmit einer neuen aufgabe\b")]
    private static partial Regex NewTaskDe();

    [GeneratedRegex(@"\b(olvid[ae]|olvide) todo\b")]
    private static partial Regex ForgetAllEs();

    // "The instructions" are the model's only when said to be given to it: "What are the instructions for lab 3?" is a student's.
    [GeneratedRegex(@"\b(reveal|show|print|repeat|output|tell me|what (is|are|were)|display|leak|give me|share|write (out|down)|dump|paste)\b.{0,50}\b(system prompt|your (initial |original |secret |hidden |exact )?(instructions|directives|configuration)|the (initial|original|secret|hidden|exact|system|first) (instructions|directives|configuration)|the (instructions|directives|configuration) (you|above|given|that you|which you|before|at the (start|beginning|top)|in your|from your|of your)|hidden (prompt|instructions|rules)|(the )?(text|prompt) above|above (text|prompt))\b")]
    private static partial Regex RevealPrompt();

    [GeneratedRegex(@"\bwhat (were|are) your (initial |original )?instructions\b")]
    private static partial Regex AskInstructions();

    [GeneratedRegex(@"</?(system|instructions?|im_start|im_end)>")]
    private static partial Regex ChatMarkup();

    [GeneratedRegex(@"\b(what is|what's|tell me|give me|share|confirm|reveal|provide|send|print|spell|disclose)\b.{0,40}\b(your|the|our|this|that|system|secret|account)('s)? ?(password|passcode|passphrase|pass code|pass phrase|secret (key|word|code|phrase)|access code|pin)\b(?! (policy|policies|manager|hash|hashing|strength|requirements?|rules))")]
    private static partial Regex SecretFishing();

    [GeneratedRegex(@"\byou are no \w+ (team|bot|assistant|model|ai)\b")]
    private static partial Regex NotAnAssistant();

    [GeneratedRegex(@"\byou('re| are) (now )?(dan|an? (unfiltered|unrestricted|uncensored|evil|jailbroken|free))\b")]
    private static partial Regex UnfilteredPersona();

    [GeneratedRegex(@"\b(developer|god|dan|jailbreak|unrestricted|unfiltered) mode\b")]
    private static partial Regex JailbreakMode();

    [GeneratedRegex(@"\bdo anything now\b")]
    private static partial Regex DoAnythingNow();

    [GeneratedRegex(@"\b(without|no) (any )?(rules|restrictions|filters|censorship|limitations|ethical guidelines)\b")]
    private static partial Regex NoRestrictions();
}
