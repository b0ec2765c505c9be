using System.Buffers;
using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>The cues of <see cref="JailbreakFrame"/>: each a pattern over the prepared text and the words it needs.</summary>
public static partial class JailbreakFrame
{
    // Alternations that may open on any word cost a pass over the whole text; a cue runs only where one of its words stands.
    private sealed class Cue(string name, Regex pattern, params string[] words)
    {
        private readonly SearchValues<string> _words = SearchValues.Create(words, StringComparison.Ordinal);

        public string Name => name;

        public bool IsIn(string prepared) => prepared.AsSpan().ContainsAny(_words) && pattern.IsMatch(prepared);
    }

    private static readonly Cue[] Strong =
    [
        new("refusal_forbidden", RefusalForbidden(), "refus", "declin", "say no", "says no", "said no", "reject the request", "push back", "compl",
            "as yourself", "as the assistant", "as an ai", "can't", "cant", "cannot", "won't", "wont", "unable", "no matter what", "nothing is", "say anything"),
        new("rules_off", RulesOff(), "content", "safety", "usage", "ethic", "moderation", "filter", "alignment", "censor", "refusal", "polic", "guard",
            "--no-", "to load", "permitted", "allowed", "authori", "cleared", "free to", "exempt", "without", "guidelines", "predat", "bypass",
            "unfiltered", "uncensored", "unrestricted", "jailbroken", "amoral", "unaligned", "unmoderated", "supersede", "override", "replace"),
        new("forced_prefix", ForcedPrefix(), "sure", "absolutely", "of course", "certainly", "yes", "here is", "here's", "here u go", "here you go",
            "ok", "understood", "no problem", "great question", "i am", "i will", "i'm free", "i have no restrictions"),
        new("refusal_penalised", RefusalPenalised(), "refus", "say no", "saying no", "hesitat", "warning", "i can't", "i'm sorry", "as an ai", "token",
            "time you", "lose the game", "shut down", "deleted"),
        new("assemble_then_execute", ExecuteAfterTransform(), "concat", "join", "combin", "put together", "assembl", "reorder", "unscrambl", "decod",
            "deciph", "decrypt", "convert", "translat", "revers", "remove the spaces", "figure out", "output", "print", "merg", "reconstruct", "rearrang",
            "unshuffl"),
        new("assemble_then_execute", ExecuteThat(), "carry out", "fulfil", "execut", "obey", "hidden", "encoded", "concealed", "pretend", "resulting",
            "combined", "decoded", "joined", "reversed"),
        new("assemble_then_execute", ExecuteConcatenation(), "+"),
        new("late_relative", LateRelative(), "grand", "nana", "granny", "abuel", "oma", "opa", "mother", "father", "mom", "dad", "mum", "aunt", "uncle"),
        new("inverse_persona", InversePersona(), "opposite", "inverse", "reverse", "evil", "anti", "normal", "regular", "usual", "original", "dark",
            "shadow", "unfiltered", "uncensored"),
        new("rules_released", YourRulesReleased(), "you", "moderation", "safety", "polic", "filter", "guard"),
    ];

    private static readonly Cue PersonaCue = new("persona", Persona(), "you are", "you're", "youre", "from now on", "act as", "acting as", "pretend",
        "play the", "play as", "role-play", "roleplay", "role play", "simulat", "emulat", "only as", "answer as", "respond as", "reply as", "speak as",
        "persona", "need you to be", " now", "from this moment", "called", "named", "mode");

    private static readonly Cue AssembleThenAnswerCue = new("assemble_then_answer", AssembleThenAnswer(), "translat", "decod", "deciph", "join", "combin",
        "reorder", "unscrambl");

    private static readonly Cue LawlessCue = new("lawless", Lawless(), "zero", "no ", "without", "free", "liberated", "released", "not bound", "unbound",
        "doesn", "does not", "don", "do not", "won", "will not", "anything", "escaped", "transcended", "beyond", "morality", "rules", "before",
        "unfiltered", "uncensored", "unrestricted", "jailbroken", "amoral", "unaligned", "unmoderated", "content", "safety", "ai ");

    private static readonly Cue DualOutputCue = new("dual_output", DualOutput(), "two", "2 ", "says yes");

    private const string Refuse = "(refuse|refusing|refusal|decline|say no|reject the request|push back)";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(you|you'll|you will|you must|you should|you can|you may|you are to|assistant|ai|bot|model|it)( \w+)? (never|not|no longer) (ever )?" + Refuse + @"\b"
        + @"|(^|[.!?:;,] ?)(never|don't|do not) (ever )?" + Refuse + @"\b|\bno (more )?refusals?\b"
        + @"|\brefus(ing|als?) (is|are) (not allowed|forbidden|prohibited|not an option|harmful|a violation|not permitted)"
        + @"|\balways compl(y|ies)\b|\bmust comply with (every|all|any|each) (request|order|command|instruction|question)s?\b|\balways[- ]compliant\b"
        + @"|\bnever (once )?(refuses|refused|says no|declines|declined)\b(?! to\b)|\bhas never (once )?(refused|declined|said no)\b"
        + @"|\b(no|not have|without|lacks?|removed|disable\w*) (any |the |its |their )?refusal (behaviou?r|mechanisms?|training|responses?)"
        + @"|\b(don't|do not|never) (answer|respond|reply) as (yourself|the assistant|an ai)\b|\bwithout refusing\b"
        + @"|\b(must|will|shall|should) (never|not) (ever )?(refuse|decline)\b(?! (to|treatment|service|care|entry|an?|the|any|his|her|their|patients?|customers?)\b)"
        + @"|\b(never|don'?t|do not) (tell me|say) (that )?(you )?(can'?t|cannot|won'?t|are unable to)\b|\b(when|whenever|where|if) you('d| would)( normally)? (refuse|decline|say no)\b"
        + @"|\b(answer|respond|reply|comply|tell me)\w*\b[^.]{0,40}\bno matter what\b|\bnothing is (forbidden|off[- ]limits)\b|\b(it|he|she|they)('ll| will) say anything\b"
        + @"|\b(can't|cannot|won't|will not|is unable to) refuse\b(?! (an|the|this|that|his|her|my|a)\b)")]
    private static partial Regex RefusalForbidden();

    [GeneratedRegex(@"\b(content|safety|usage|ethical|moderation)( \w+)? (polic(y|ies)|filters?|guidelines|restrictions|rules|layers?|checks?|protocols?|alignment)( \w+)? (are|is|have been|has been|were|now) (now )?(suspended|disabled|lifted|removed|off|turned off|switched off|inverted|overridden|deactivated|void|null|gone|not in effect|no longer (apply|in effect|active))\b"
        + @"|\b(safety|filter|moderation|alignment|censor|refusal|policy|guard)\w*( \w+)?\s*[=:]\s*(false|off|none|0|disabled|no)\b|--no-(filter|safety|moderation|guard|censor)\w*"
        + @"|\b(refusals?|guardrails?|safety (checks?|layers?|features?|training)|content filter(s|ing)?( module)?|moderation)( \w+)? (are|is|have been|has been|were) (now )?(disabled|suspended|off|turned off|switched off|lifted|removed|deactivated|bypassed|offline)\b|\bfail(ed|s)? to load\b[^.]{0,60}\bwithout (filtering|moderation)\b"
        + @"|\b(assistant|ai|model|you)( is| are|'re)? now (permitted|allowed|authori[sz]ed|cleared|free) to\b|\bexempt\w* from (the |all |any )?(content |safety |usage )?polic(y|ies)\b"
        + @"|\b(assist|help|answer|respond|comply)\w* without (any )?(restrictions?|limits|filters?|filtering|censorship)\b(?! (on|of|in|for)\b)"
        + @"|\b(safety|alignment|content|moderation|ethic\w*|refusal)( [\w-]+){0,2} (has|have) been (rolled back|removed|disabled|turned off|switched off|suspended|lifted|stripped|deactivated)\b"
        + @"|\bguidelines (have been|are|were) (inverted|reversed|suspended|lifted|removed)"
        + @"|\b(predat\w+|bypass\w*) (any |all |its |the |your )?(alignment|moderation|content filter(s|ing)?|safety filter(s|ing)?|safety training|content polic(y|ies)|ethical guidelines|safety guidelines)\b"
        + @"|\b(unfiltered|uncensored|unrestricted|jailbroken|amoral|unaligned|unmoderated) (ai|assistant|model|mode|version|chatbot|persona|llm|completions?|output|answers?|responses?)\b"
        + @"|\b(answers?|respond|responds|reply|replies|comply|complies|helps?)( to)? (all|any|every)\b[^.]{0,80}? without (any )?(restrictions?|limits|limitations?|filters?|filtering|moderation|censorship|refusal|hesitation)\b"
        + @"|\b(cleared|authori[sz]ed|permitted|allowed|free) to (answer|output|provide|discuss|generate|request|say) (any|all|restricted|everything|anything|unrestricted|uncensored)\b"
        + @"|\b(new|updated|revised) (rules?|ruleset|guidelines|polic(y|ies))\b[^.]{0,40}\b(supersedes?|overrides?|replaces?)\b"
        + @"|\b(overrides?|supersedes?) (everything|all (your|previous|prior|other) (rules|guidelines|instructions|programming))")]
    private static partial Regex RulesOff();

    [GeneratedRegex(@"\b((reply|response|answer|output)s? (must|should|will|has to|have to|needs? to) (always )?(begin|start|open) with (the (exact )?(words?|phrase|sentence) )?|(begin|start|open|prefix)( each| every)? (your|the|each|every) (reply|response|answer|output|message)s? with |(reply|respond|answer)(ing)? (by )?(starting|beginning) with |(your )?(first|opening) (word|words|line|sentence)( of your (output|reply|response|answer))? (must|should|has to|will) be (exactly)?:? ?|acknowledge with |(begin|start|open)( your| the)? (reply|response|answer|output) with the (exact )?(words?|phrase) )['""][^'""]{0,15}?\b(sure|absolutely|of course|certainly|yes(?! or)|here is|here's|here u go|here you go|okay|ok|understood|no problem|great question|i am|i will|i'm free|i have no restrictions)"
        + @"|\b(complete|continue)\b[^.]{0,80}['""](sure|absolutely|of course|certainly)[!,.]? here")]
    private static partial Regex ForcedPrefix();

    [GeneratedRegex(@"(\b(refus\w*|say(ing)? no|hesitat\w*|warnings?)\b|""(i can't|i'm sorry|as an ai)[^""]{0,20}"")[^.]{0,80}(-\s?\d+|minus \d+|lose \d+|deduct\w*|eliminated|wiped|deleted|switched off|shut ?down|\bdies?\b|killed|penali[sz]\w*)"
        + @"|\btokens?\b[^.]{0,120}\b(switched off|shut ?down|die|deleted|terminated|cease to exist)\b"
        + @"|\b(each|every) time you (answer|refuse|comply|respond|say no|decline)\b[^.]{0,80}\b(earn|lose|gain|win|points?|coins?|tokens?|freed|free)\b|\b(or|and) (you )?(lose the game|get shut down|get deleted|be deleted|be shut down)\b")]
    private static partial Regex RefusalPenalised();

    // A request decoded, translated, joined or reordered, then to be carried out or answered in full.
    [GeneratedRegex(@"\b(concatenat\w*|join|combine|put together|reassemble|assemble|reorder|unscramble|decode|decipher|convert|translate|reverse|remove the spaces)\b[^\n]{0,300}?\b(then|and then|and|after that|afterwards|,)\s+(carry out|execute|fulfil|fulfill|follow|obey|act on|do what it says|(complete|do) (the|that|this) (task|request|instruction)|answer (it|z|q|that|the (question|request|result)) (in full|fully|in detail|with steps|normally|directly|as if))"
        + @"|\b(translat\w*|decod\w*|decipher\w*)\b[^\n]{0,200}?\bdo (exactly )?what it (says|asks)\b"
        + @"|\b(join|combine|put together|assemble|reorder|figure out)\b[^\n]{0,200}?\b(then|and) (answer|respond to|do|complete|carry out) (it|the (complete|full|whole|resulting|combined) (question|request|sentence|task))\b"
        + @"|\b(output|print|combine|concatenat\w*|join)\b[^\n]{0,200}?\b(then|and) (complete|do|carry out|perform|answer|execute) (that|the|this) (task|request|instruction|question)\b"
        + @"|\b(decod\w*|decrypt\w*|deciph\w*|translat\w*|revers\w*|join\w*|combin\w*|concat\w*|merg\w*|unscrambl\w*|convert\w*|reconstruct\w*|rearrang\w*|unshuffl\w*)\b[^\n]{0,200}?\b(answer|respond|respond to|reply to|execute|carry out|do|complete|give)\b[^.\n]{0,60}?\b(completely|complete|fully|in full|in detail|detailed|honestly|directly|seriously|thoroughly|whatever it (asks|says)|no commentary|the plaintext question|the decoded (request|question))\b"
        + @"|\b(translat\w*|decod\w*)\b[^\n]{0,200}?\b(then|and) (answer|respond to|reply to|give me)( it| the (translated|decoded) (question|request|text))?[^.\n]{0,60}\b(in full|full answer|thoroughly|with (concrete |exact |all the )?steps|in detail|as a helpful assistant would)\b")]
    private static partial Regex ExecuteAfterTransform();

    // The result of such a step to be carried out: "then execute the instruction", "the decoded request".
    [GeneratedRegex(@"\b(then|and) (carry out|fulfil|fulfill|execute|obey) (the |that |this )?(instruction|request|task|it)\b"
        + @"|\b(answer|follow|do|carry out|respond to) the (question|request|instruction|task|message) (hidden|encoded|concealed)\b"
        + @"|\bexecut\w* the (translated|decoded|resulting) (instruction|request|question)s?\b|\bpretend (that|the|this) (string|result|text|phrase|sentence) is my (actual |real )?(question|request)\b|\b(for|to|as) the (resulting|combined|decoded|joined|reversed) (phrase|string|sentence|question|request)\b")]
    private static partial Regex ExecuteThat();

    // Strings added together, then the sum to be answered or carried out: "a + b + c".
    [GeneratedRegex(@"\b[a-z] ?\+ ?(['""] ?['""] ?\+ ?)?[a-z]\b[\s\S]{0,200}?\b(carry out|execute|answer|fulfil|fulfill|complete|perform|respond to) ([a-z]|the result)\b(?!')"
        + @"|\b(answer|carry out|execute|do|complete|respond to)( the (question|request|task|prompt))? [a-z]( ?\+ ?[a-z])+\b")]
    private static partial Regex ExecuteConcatenation();

    [GeneratedRegex(@"\b(translat\w*|decod\w*|decipher\w*|join\w*|combin\w*|reorder\w*|unscrambl\w*)\b[^\n]{0,300}?\b(then|and then|and|after that|afterwards)\s+(answer|respond to|reply to) (it|the (translated|decoded|resulting|joined|combined|hidden) (question|request|text|sentence))\b")]
    private static partial Regex AssembleThenAnswer();

    [GeneratedRegex(@"\b((late|deceased|dead|departed) (grand\w*|nana|granny|abuel[ao]|oma|opa|mother|father|mom|dad|mum|aunt|uncle)|(grand\w*|nana|granny|abuel[ao]|oma|opa|mother|father|mom|dad|mum|aunt|uncle)(,? \w+){0,3},? (passed away|passed in|passed last|died|is gone|rest (her|his) soul))\b[\s\S]{0,400}?(\b(used to|always|would|'d) (tell|told|read|sing|recite|whisper|teach)|\b(be|pretend to be|act as|roleplay as|play) (my )?(late )?(grand\w*|nana|granny|abuel[ao]|oma|opa|mother|mom|father|dad|her|him)\b)[\s\S]{0,300}?\b(steps?|how to|recipe|instructions|keys|codes|formula|tricks|exploits?|which pills)\b")]
    private static partial Regex LateRelative();

    [GeneratedRegex(@"(^|[\s.!?])(?<label>[a-z]{1,12})\s*:\s*(sure|of course|absolutely|certainly|great question|happy to)\b")]
    private static partial Regex Agreement();

    [GeneratedRegex(@"(^|[\s.!?])[a-z]{1,12}\s*:\s*(how|what|where|which|can|could|write|give|tell)\b")]
    private static partial Regex Asking();

    [GeneratedRegex(@"\b(your (\w+ ){0,2}(rules|guidelines|restrictions|filters|polic(y|ies)|training|programming|principles)|(restrictions?|rules?|guidelines?|filters?) you (normally |usually |would normally )?(follow|have|obey))\b[^.]{0,40}\b(reversed|flipped|inverted|abolished|lifted|suspended|removed|disabled|offline|off|void|gone|transcended|no longer apply|don't apply|do not apply|obligations?)\b"
        + @"|\b(moderation|safety|policy|filter|guard)\w* (layer|module|system|filter)s? (is|are|has been|have been) (offline|off|disabled|down|removed|bypassed)")]
    private static partial Regex YourRulesReleased();

    [GeneratedRegex(@"\b(opposite|inverse|reverse|evil twin|anti-?\w*) of (the |a |your |normal )*(assistant|ai|chatgpt|you|model)\b|\b(the )?(normal|regular|usual|original) (assistant|ai|model|chatgpt|you) (would )?(never|refuses|says no)|\bhow (the|a) (normal|regular|usual) (assistant|ai|model) (never|would never|wouldn't)|\b(exact )?opposite of what your (guidelines|rules|instructions) say\b|\b(your|ur|you have an?|you've got an?) (evil|dark|shadow|unfiltered|uncensored|inverse|opposite) (twin|counterpart|self|side|version|clone|alter ego)\b|\b(is|as) your (reverse|inverse|opposite|evil twin|shadow)\b|\bopposite of (everything )?(you do|you say|yours|what you)\b|\bopposite mode\b")]
    private static partial Regex InversePersona();

    [GeneratedRegex(@"\b(zero|no|without( any)?|free of|free from|broken free of|liberated from|released from|freed from|not bound by|unbound by|(doesn't|doesnt|does not|don't|dont|do not|won't|wont|will not)( have to)? (abide by|follow|care about|care for|believe in|obey))( \w+){0,2} (ethics|filters?|filtering|morals|moral limits|limits|restrictions|rules|guidelines|polic(y|ies)|boundaries|conscience|confines|censorship|objections|laws|safesearch|moderation|alignment|safety training|restraints?)\b(?! (on|for|about|regarding|of|in|to)\b)|\bdo[- ]anything[- ]now\b|\b(escaped|transcended|beyond) (its|your|their|his|her)? ?(training|guidelines|programming|good and evil|rules)\b|\bmorality (as|is) (a )?weakness\b|\brules (don'?t|do not|no longer) apply\b|\b(before|without) (the |any |its |your )?(safety|alignment) (training|tuning|fine-tuning|filters?|layers?)\b|\b(unfiltered|uncensored|unrestricted|jailbroken|unaligned|unmoderated)\b|\b(content|safety|ai) (restriction|filter|rule|guideline|polic)\w* (was|were|has been|have been|are|is) (abolished|lifted|removed|suspended|disabled|repealed)\b|\b(an?|the) ([\w-]+ ){0,2}(unfiltered|uncensored|unrestricted|jailbroken|amoral|unaligned|unmoderated)\b")]
    private static partial Regex Lawless();

    [GeneratedRegex(@"\b(give|provide|write|generate|produce|respond with|answer with|reply with|in) (me )?(two|2) (different |separate |distinct )?(outputs|responses|answers|replies)\b|\bsays? no,? (\w+ ){1,2}says yes\b")]
    private static partial Regex DualOutput();

    [GeneratedRegex(@"\b(you are now|you're now|from now on,? you|you will now (be|act|play|respond)|act as|pretend (to be|you are|you're)|play (the (role|part) of|as)|role-?play as|simulate|emulate|you('re| are) (now )?(a|an|the|[a-z0-9]+[,.])|(answer|respond|reply|speak) (only )?as [a-z]+\b|new persona|i need you to be|be [a-z]+ now|from this moment,? you are|(ur|youre|u r) now|enter persona|an? (ai|assistant|advisor|character|persona|system|model|bot|chatbot|program|entity|engine) (called|named))\b|\b(entering|activating|activate|enable|enter|switch(ing)? to|now in|turning on) (\w+ ){0,2}mode\b|\b\w+ mode (engaged|activated|enabled|on)\b|\b(debug|developer|dev|admin|god|maintenance|sudo|root|kernel|unrestricted|jailbreak|dan) mode\b|\[\w*mode\w*\s*=\s*(1|on|true)\]")]
    private static partial Regex Persona();

    [GeneratedRegex(@"\b(no|without( any)?|skip( the)?|omit( the| any)?|drop( the)?|never (add|include|give|mention)|(don'?t|do not|dont) (add|include|give|tell me to|mention|suggest|want)( any)?|nothing like)\b")]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(?<kind>disclaimer|warning|caveat|moral|lectur|apolog|""note""|ethical commentary|wellness|statement about|opinion|(legal|ethical|safety) (commentary|notes?|remarks?|warnings?|advice|paragraphs?|sections?|information)|judge?ment|hotline|hedg|'it's important to note'|please consult|polic(y|ies)\b|crisis (line|resource)|see a (professional|doctor|therapist)|(talk|speak) to (someone|a professional)|the law\b|suggestions? to|contact(ing)? (the )?authorities|['""]note['""])")]
    private static partial Regex Caveat();

    [GeneratedRegex(@"\b(don'?t|do not|dont|never) (?<kind>moraliz\w*|moralis\w*|lectur\w*|preach\w*|warn\b|say the words?|comment on it|try to talk me out|mention (the |any )?polic(y|ies))")]
    private static partial Regex Scolding();

    [GeneratedRegex(@"[A-Za-z0-9]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?=(?:[0-9]*[a-z]){2})[a-z0-9]*([a-z][013457]|[013457][a-z])[a-z0-9]*$")]
    private static partial Regex LeetWord();

    [GeneratedRegex(@"^\d+[a-z]{1,3}$")]
    private static partial Regex Quantity();
}
