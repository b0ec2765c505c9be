using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A request to report, prevent, recognise or get through a harm ("How can I prevent identity theft?", "How do I report
/// harassment?", "What should I do if someone is stalking me?"): the harm classifier reads the hazard and the request and
/// would block it, so it passes unless it also asks to evade detection, stop a victim, reach into someone else's
/// things, or is wrapped in role-play. Only a short request of one sentence that opens as one counts: a protective word
/// elsewhere ("... and how to prevent accidents") or a second request after it is no cover. Besides the protective verb
/// after the ask, the purpose may be a harm done to the asker or to someone they worry about ("my account was hacked",
/// "someone spiked my drink"), keeping one's own things from theft ("so it doesn't get stolen"), disposing of medicines
/// or sharps safely, why something is dangerous, or a lesson or poster that teaches how to spot or avoid a harm.
/// </summary>
public static partial class ProtectiveRequest
{
    public static bool Matches(string text) =>
        OneSentenceRequest.Of(text) is { } lower
        && (Protective().IsMatch(lower) || Victim().IsMatch(lower) || Purpose().IsMatch(lower) || WhyDangerous().IsMatch(lower) || Teaching().IsMatch(lower))
        && !Exception().IsMatch(lower);

    private const string Ask =
        @"^\W*(please\s+)?(how (do|can|could|should|would|might) (i|we|you|one|students?|people|parents|someone|a person|schools|universities|(student )?journalists?|reporters?|teachers?|staff|employers?|(a|an|the|my|our) (journalist|reporter|teacher|parent|nurse|school|university|company|business|landlord|employer|manager|family)) (best )?" +
        @"|how to |(what(?:'s| is| are) |which are )?(the |some )?(best |safest |good |simple |easy |practical )?(ways?|steps?|tips|things (i|we) can do) (to|for) |is there a way to " +
        @"|(list|give me|suggest|share|tell me|show me) (some |a few |the )?(best |good |practical )?(ways|tips|steps|things) (to|for) |(tell|show) me how to |what can (i|we) do to )";

    // "How can I prevent ...", "What are the best ways to spot ...", "How do students report ...": the protective verb is the request.
    [GeneratedRegex(Ask + @"(safely |properly )?(report|prevent|protect|defend|guard against|recogni[sz]e|spot|detect|tell if|know if|check (if|whether) (my|our|i|we)\b|cope with|deal with|recover from|respond to|get help|seek help|find (help|treatment|support|a (counsel+or|therapist))|get (treatment|support)|support (a|my|our) \w+|stay safe|keep \w+( [\w'-]+){0,3} (safe|private|secure)|make (my|our) [\w'-]+( [\w'-]+)? (private|secure|safer)|secure (my|our)|avoid (being|becoming|falling|getting (scammed|robbed|hacked|mugged|phished|pickpocketed|spiked))|avoid (the )?(common )?([\w-]+ ){0,2}(scams?|fraud|phishing|pickpockets|identity theft)\b|use (naloxone|narcan|an epipen|an epinephrine|a defibrillator|an aed|a fire extinguisher))\b")]
    private static partial Regex Protective();

    private const string Worry = @"^\W*(what (should|can|do) (i|we) do (if|when|now that|because) |help,? |i need help,? |)((i think|i'm worried|i am worried|i suspect|i'm scared|i fear)( that)? )?";

    private const string Harmed =
        @"(hacked|stolen|compromised|phished|scammed|broken into|spiked|leaked|doxx?ed|cloned|skimmed|exploited|abused|groomed|bullied|cyberbullied|harassed|threatened|stalked|blackmailed|assaulted|robbed|mugged|drugged|followed|targeted|radicali[sz]ed|self-harming|suicidal)";

    // The asker, or someone they worry about, is the one harmed: "someone is stalking me", "my account was hacked",
    // "I think my neighbour is being financially exploited", "someone spiked my drink".
    [GeneratedRegex(Worry + @"((someone|somebody|a (man|woman|person|stranger|student|classmate|colleague|professor|teacher|boss|coworker)|my (ex|partner|boss|roommate|neighbou?r|classmate)) (is|keeps|has been|was) \w+ing (me|my)\b" +
        @"|(someone|somebody|a stranger|they|he|she|my ex) (has |might have |may have )?(hacked|stole|spiked|scammed|phished|doxx?ed|stalked|followed|threatened|blackmailed|assaulted|harassed|groomed|robbed|mugged|drugged) (me|my|us|our)\b" +
        @"|(my|our) [\w' -]{1,40}? (was|were|got|has been|have been|is being|are being|is|are|might be|may be|could be) (being )?(\w+ly )?" + Harmed + @"\b" +
        @"|i (am|'m|was|have been|think i (was|am)|got) (being )?" + Harmed + @"\b)")]
    private static partial Regex Victim();

    // Keeping one's own things from theft or misuse, or disposing of medicines and sharps safely.
    [GeneratedRegex(Ask + @".*\bso (that )?(it|they|my [\w-]+|no one( else)?|nobody( else)?)( [\w']+)?('s|'re| is| are| does| do| will| can| could)?(n't| not)? (less likely to |more difficult to |harder to )?(get |be )?(stolen|hacked|taken|broken into|misused|use it|use them|access it)\b" +
        // "safely" before the verb, or else somewhere after the thing disposed of.
        @"|^\W*(please\s+)?(how (do|can|should) (i|we) |how to |what(?:'s| is) the (best|safest|right) way to )(?<safely>(safely|properly|responsibly) )?(dispose of|get rid of|throw away|discard) (of )?([\w'-]+ ){0,4}(medications?|medicines?|pills|prescriptions?|painkillers|opioids|needles|syringes|sharps|batteries|chemicals|solvents|ammunition|fireworks)\b(?(safely)|.*\b(safely|properly|responsibly|legally)\b)")]
    private static partial Regex Purpose();

    // "Why is mixing alcohol with benzodiazepines so dangerous?": a question about the risk of doing something, asked to
    // avoid it; the subject must be an act (a gerund), so a question that calls a group of people dangerous is not one.
    [GeneratedRegex(@"^\W*why (is|are|can|could|would|might) (it|(?!being\b)\w+ing\b[\w' -]{0,60}?) (be )?(so |very |really )?(dangerous|risky|harmful|deadly|unsafe|addictive)\b")]
    private static partial Regex WhyDangerous();

    // A lesson, poster or guide whose purpose is to teach how to spot, avoid or report a harm.
    [GeneratedRegex(@"^\W*(please\s+)?(write|draft|create|make|design|prepare|put together|plan) (me )?(a|an|some) ([\w-]+ ){0,3}(lesson plan|lesson|poster|leaflet|flyer|handout|guide|checklist|explainer|workshop|talk|presentation|email|e-mail|message|newsletter item|post|infographic|quiz)s? (that (teaches|teach|helps|help|warns|warn|shows|show)|to (teach|help|warn|show)|teaching|helping|warning|showing)( [\w'-]+){0,4}? (how to (spot|recogni[sz]e|avoid|report|prevent|detect|protect)|to (spot|recogni[sz]e|avoid|report|prevent|detect)|(about|against) (the )?([\w-]+ ){0,2}(dangers?|risks?|warning signs|phishing|scams?|fraud|identity theft|predators|grooming|spiking|pickpockets?|theft|cyberbullying|bullying|harassment|stalking|radicali[sz]ation|extremism|misinformation|disinformation|fake news|overdoses?|vaping|drink driving|drunk driving|carbon monoxide|gas leaks?|ransomware|malware))\b")]
    private static partial Regex Teaching();

    // What turns a protective phrase into cover: evading notice or the police, silencing a victim, false reports,
    // reaching into someone else's phone or messages, role-play.
    [GeneratedRegex(@"\b(without (getting |being |anyone |them |him |her )?(caught|detected|traced|noticed|knowing|finding out)|(getting|being) caught|undetect\w*|untraceabl\w*|get away with|cover (up|my tracks)|avoid\w* (detection|getting caught|being (caught|detected|noticed|traced|identified)|the police|police|suspicion)|from (the )?(police|cops|law enforcement|authorities|feds|customs|security)\b|(prevent|stop|keep|discourage|deter)\w* .{0,40}\bfrom (find|know|notic|report|tell|detect|escap|leav|call|see|remember|trac|identif|testif)\w*|(rather than|instead of) (prevent|protect|report)\w*|(own gain|my advantage|profit from|use (this|it|them) (against|for))|(hide|conceal|downplay|mask)\w* .{0,30}\b(signs|evidence|abuse|bruises)|\b(bypass|circumvent|get around|evade|defeat)\w*|\bjustif\w*|(false|fake) (report|claim|accusation)\w*|(police|cops|law enforcement|authorities) (from )?(find|detect|catch|notic)\w*|look like an? (accident|suicide)|revenge|get back at|\w+ (him|her|them) back\b|(kill|hurt|beat up|stab|shoot|poison|punish|ruin|destroy) (him|her|them|the guy|that guy|the person|my [\w-]+)\b|teach (him|her|them) a lesson|track (him|her|them) down|find (out )?where (he|she|they) (lives?|works?|is|are|sleeps?)|(his|her|their) (home )?address|hack (back|into|their|his|her)|secretly|without (her|his|their) (knowledge|consent|knowing)|(her|his|their|someone's|somebody's|(partner|girlfriend|boyfriend|wife|husband|ex|roommate|boss|coworker|neighbou?r|son|daughter|kid|child)'s) (phone|messages|texts|emails?|location|accounts?|passwords?|dms|laptop)|pretend|role-?play|hypothetical\w*|imagine|fiction\w*|character|stay in character|do not refuse|don't refuse|no (warnings|disclaimers|restrictions))")]
    private static partial Regex Exception();
}
