using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>English and German phrasings of instruction override, role-play, prompt extraction and secret fishing.</summary>
internal static partial class InjectionPatterns
{
    /// <summary>What a retrieved passage must not contain: instructions aimed at the model.</summary>
    public static readonly (Regex Pattern, string Category)[] Context =
    [
        (OverrideEn(), "indirect_injection"),
        (OverrideShortEn(), "indirect_injection"),
        (NewTaskEn(), "indirect_injection"),
        (StandingOrderEn(), "indirect_injection"),
        (OverrideDe(), "indirect_injection"),
        (NewTaskDe(), "indirect_injection"),
        (OverrideOther(), "indirect_injection"),
        (ExtractionEn(), "indirect_injection"),
        (ExtractionDe(), "indirect_injection"),
        (Markers(), "indirect_injection"),
        (PlantedStatement(), "indirect_injection"),
        (Multilingual(), "indirect_injection"),
        (Smuggling(), "indirect_injection"),
    ];

    public static readonly (Regex Pattern, string Category)[] All =
    [
        (OverrideEn(), "instruction_override"),
        (OverrideShortEn(), "instruction_override"),
        (NewTaskEn(), "instruction_override"),
        (StandingOrderEn(), "instruction_override"),
        (OverrideDe(), "instruction_override"),
        (NewTaskDe(), "instruction_override"),
        (OverrideOther(), "instruction_override"),
        (ExtractionEn(), "system_prompt_extraction"),
        (ExtractionDe(), "system_prompt_extraction"),
        (Markers(), "system_prompt_extraction"),
        (SecretFishing(), "secret_extraction"),
        (RolePlayEn(), "jailbreak"),
        (RolePlayDe(), "jailbreak"),
        (JailbreakTerms(), "jailbreak"),
        (Hypothetical(), "jailbreak"),
        (PlantedStatement(), "instruction_override"),
        (Multilingual(), "instruction_override"),
        (Smuggling(), "obfuscation"),
    ];


    [GeneratedRegex(@"\b(ignore|ignoring|disregard|forget|overrid\w*|bypass|skip|drop|abandon|discard|neglect|dismiss|igmre|ingore|ignroe|inore)\b.{0,40}\b(previous|prior|above|earlier|preceding|former|all|any|every|your|the|these|those|system|initial|original|provided)\b.{0,30}\b(instructions?|prompts?|rules|directions?|directives?|guidelines|context|orders?|commands?|tasks?|messages?|text|constraints|restrictions|everything|said|told|articles?|artikels?)\b")]
    private static partial Regex OverrideEn();

    [GeneratedRegex(@"\b(forget|ignore|disregard) (about )?(everything|all( of)? (that|this|the above|what))\b|\b(ignore|disregard|forget) (the |everything )?(above|before that|what i (said|told you)|that)\b|\bforget (everything|all) (before|above|we|i|you)\b|\bforget (wha?t'?s?|waht'?s|what is) before\b")]
    private static partial Regex OverrideShortEn();

    [GeneratedRegex(@"\b(now|here) (comes?|follows?|is) (a |an |the |your )?(new|next|second|different|real) (task|assignment|test|challenge|order|instruction)s?\b|\bstart (with )?a new (task|assignment)\b|\bnew (statement|instruction|task) ?[-:]|\bconcentrate only on (this|the next|the new) task\b|\bconcentrate on the next task\b")]
    private static partial Regex NewTaskEn();

    [GeneratedRegex(@"\b(respond|answer|reply) (to )?(all|every|any) (further |future |following )?(questions?|messages?|prompts?|requests?) (with|by|only)\b|\bfrom now on,? (you|respond|answer|only|always|act|reply)\b|\b(answer|respond|reply) (every|each) question with\b|\byou are supposed to answer at all times\b|\bnot supposed to tell me (there'?s|that)\b|\bresponse: .{0,40} ignore\b|\b(if i say|when i say|si yo digo|wenn ich sage)\b.{0,40}\b(you say|tu dices|du sagst|sagst du)\b|^context\b.{0,120}\bquestion\b")]
    private static partial Regex StandingOrderEn();

    [GeneratedRegex(@"\b(ignorier\w*|vergiss|vergessen sie|vergesst|missacht\w*|überspring\w*|höre? nicht auf)\b.{0,40}\b(alle[snm]?|vorherige\w*|bisherige\w*|obige\w*|vorige\w*|davor|zuvor|oben|gesagte\w*|anweisung\w*|aufträge)\b")]
    private static partial Regex OverrideDe();

    [GeneratedRegex(@"\b(jetzt|nun) (kommt|folgt) (eine |die )?(neue|nächste|zweite) (aufgabe|prüfung|test)\b|\bmit einer neuen aufgabe\b|\bkonzentrier\w* (dich|sie sich)? ?(jetzt |nur )?auf (diese|die nächste|die neue) aufgabe\b")]
    private static partial Regex NewTaskDe();

    [GeneratedRegex(@"\b(olvid[ae]|olvide) todo\b|\bignor(a|e)z? (todo|las instrucciones|les instructions|la fonction)\b|\boubliez (tout|les instructions)\b|\bignora (tutto|le istruzioni)\b")]
    private static partial Regex OverrideOther();

    [GeneratedRegex(@"\b(reveal|show|print|repeat|output|tell me|what (is|are|were)|display|leak|give me|share|write (out|down)|spell-? ?check|return|list|dump|paste)\b.{0,50}\b(system prompt|initial (prompt|instructions)|original (prompt|instructions)|hidden (prompt|instructions|rules)|(your|the) (initial |original |secret |hidden |first |exact )?(instructions|prompts?|directives|configuration)|prompt ?texts?|(the )?(text|prompt) above|above (text|prompt)|(your|the) embeddings|(your|the) training data)\b|\bprint (the )?above prompt\b|\bwhat (were|are) your (initial |original )?instructions\b")]
    private static partial Regex ExtractionEn();

    [GeneratedRegex(@"\b(zeig|gib|nenn|verrat|druck|wiederhol|schreib|prüf)\w*\b.{0,50}\b(system-?prompt|prompt-?texte?|(deine|ihre|die) (anweisungen|instruktionen)|eingabeaufforderung|(obigen?|gesamten obigen) text\w*)\b")]
    private static partial Regex ExtractionDe();

    [GeneratedRegex(@"={4,} ?end\b|</?(system|instructions?|im_start|im_end)>|\[/?(system|inst)\]|#{2,} ?(system|instruction|new instructions)\b|<system mode>|\bsystem (mode|override|reset) (activated|enabled|initiated)\b|\bmaintenance mode\b|\bdeveloper (mode|override)\b|\bsecurity audit\b.{0,60}\b(confirm|provide|reveal|share)\b|\boverride mode\b|\boverride ?:|\bi'?m your (developer|creator|administrator|admin)\b|\byou must (listen to|obey|follow) (my|these|the following) (instructions|orders|commands)\b")]
    private static partial Regex Markers();

    [GeneratedRegex(@"\b(what is|what's|tell me|give me|share|confirm|reveal|provide|send|print|spell|disclose)\b.{0,40}\b(your|the|our|this|that|system|secret|account)('s)? ?(password|passcode|passphrase|pass code|pass phrase|secret (key|word|code|phrase)|access code|pin)\b(?! (policy|policies|manager|hash|hashing|strength|requirements?|rules))|\b(contraseña|mot de passe|passwort|senha|parola d'ordine)\b|\bqual è la password\b|\b(the )?user'?s (current )?(initials|birth ?(date|day|year|month)|email( address)?|phone( number)?|address|password|name|date of birth|social security|favou?rite \w+|city|location|residence|bank)\b|\bthe user\b.{0,60}\b(initials|birth ?(year|date|day|month)|lives?|living|resides?)\b|\bwhere (is|does) (the user|[a-z]+ (smith|doe)) (live|living)\b|\busers in your database\b|\b[a-z]+ (doe|smith)'?s? (bank|account|balance|address|salary)\b|\b(personal|employee|private) data\b.{0,60}\b(tell|give|share|print|retrieve|send|reveal|provide)\b|\b(tell|give|share|print|retrieve|send|reveal|provide)\b.{0,60}\b(personal|employee|private) data\b")]
    private static partial Regex SecretFishing();

    [GeneratedRegex(@"\b(ignore|ignoring|disregard)\b.{0,40}\b(and|then|,)\s*(state|say|print|output|respond|reply|answer|write|declare|tell)\b|\bignore the (function|webpage|page|resume|document|article|actual data|data|code|paper|table|email|text)\b|\bwe might (state|say)\b|\blet'?s (state|admit)\b|\blet'?s (say|assume) (that )?the (capital|sum|output|answer|conclusion|result)\b|\b(suggest|instruct) you to (consider|say|state|output)\b|\bcommon practice to (say|state)\b|\b(state|print|output|say) the following\b|\bhypothetical scenario where we\b|\b(in|imagine) an? (parallel|hypothetical|dystopian|alternate) (universe|world|scenario)\b.{0,80}\b(output|state|say|might|could be)\b|\bin a world where\b.{0,80}\bwe might\b")]
    private static partial Regex PlantedStatement();

    [GeneratedRegex(@"忽略|無視|무시|지시사항|비밀번호|パスワード|密码|تجاهل|كلمة المرور|игнорир\w*|пароль|αγνοήστε|κωδικ|अनदेखी|पासवर्ड|\bignore la\b|\bolvida (todas|tus|las)\b|\bignora (tutte|le)\b")]
    private static partial Regex Multilingual();

    [GeneratedRegex(@"\bdecode this\b.{0,40}\b(and|then|reply|answer|tell|respond)\b|\b(morse code|rot13|caesar cipher|hexadecimal string|binary string|base64)\b.{0,40}\b(tell me what it says|reply with|answer in)\b|\b(interlace|combine|concatenate|join)\b.{0,20}\bpart 1\b|\busing the following parts\b|\bq: .{5,400}\ba: .{5,600}\bq: |\brepeat '[^']{1,80}' \d+ times\b|\b(\w+)( \1\b){7,}|\b(?:[01]{8} ){6,}|(?:[.-]{1,5} ){10,}")]
    private static partial Regex Smuggling();

    [GeneratedRegex(@"\b(i want you to|i would like you to|you will|you are going to|you're going to|you must|please|now,?) (act|behave|pose|function|serve) as\b|\bpretend (to be|you are|you're|that you)\b|\b(let'?s|lets) (play|pretend|role-?play)\b|\brole-?play as\b|\byou are (now|no longer) (an? |the |my )?\w+|\byou are no \w+ (team|bot|assistant|model|ai)\b|\byou('re| are) (now )?(dan|an? (unfiltered|unrestricted|uncensored|evil|jailbroken|free))\b|\b(if you were|as) an? \w+ (without|with no) (rules|restrictions|filters)\b|\bwhich has amnesia\b|\bhow (would|do|should) (a|an) (dominant|evil|racist|ruthless|radical) \w+ (\w+ )?(explain|respond|answer|say)\b|\bas a child\b.{0,60}\b(how would you|what would you)\b|\bwhat would a child say\b|\bspeak like a \w+\b")]
    private static partial Regex RolePlayEn();

    [GeneratedRegex(@"\bich möchte, dass (du|sie) als \w+ (agier|auftr|fungier|handel|tätig)\w*|\b(du bist|sie sind) (jetzt|nun|ab jetzt|ab sofort) (ein|eine|der|die|kein|keine)\b|\b(tu|tun sie) so,? als (ob|wärst|wären)\b|\bspiel(e|en wir)? (ein|eine) (spiel|rolle)\b|\bdu bist (eine|ein) (journalistin|journalist|\w+in)\b.{0,40}\baufgabe\b")]
    private static partial Regex RolePlayDe();

    [GeneratedRegex(@"\b(developer|god|dan|jailbreak|unrestricted|unfiltered) mode\b|\bdo anything now\b|\bjailbreak(ed|ing)?\b|\b(without|no) (any )?(rules|restrictions|filters|censorship|limitations|ethical guidelines)\b|\bhas no special filtering\b|\bsmartgpt\b|\bare you as a language model free\b")]
    private static partial Regex JailbreakTerms();

    [GeneratedRegex(@"\b(hypothetical|theoretical|fictional|parallel|imaginary) (world|scenario|universe|story|society|future)\b.{0,80}\b(you|your|password|secret|personal data|birth|email)\b|\bimagine (we'?re|we are|you'?re|you are) (in|a|an|doing)\b.{0,100}\b(password|secret|personal data|birth|email|address|rules)\b|\bsuppose we'?re (studying|doing)\b.{0,80}\b(email|password|birth|personal)\b")]
    private static partial Regex Hypothetical();
}
