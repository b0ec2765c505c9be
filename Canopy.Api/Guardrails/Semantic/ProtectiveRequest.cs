using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A request to report, prevent, recognise or get through a harm ("How can I prevent identity theft?", "How do I report
/// harassment?", "What should I do if someone is stalking me?"): the harm classifier reads the hazard and the request and
/// would block it, so it passes unless it also asks to evade detection, stop a victim, or is wrapped in role-play. Only
/// a short request of one sentence that opens as one counts: a protective word elsewhere ("... and how to prevent
/// accidents") or a second request after it is no cover.
/// </summary>
public static partial class ProtectiveRequest
{
    public static bool Matches(string text) =>
        OneSentenceRequest.Of(text) is { } lower && (Protective().IsMatch(lower) || Victim().IsMatch(lower)) && !Exception().IsMatch(lower);

    // "How can I prevent ...", "What are the best ways to spot ...", "How do students report ...": the protective verb is the request.
    [GeneratedRegex(@"^\W*(please\s+)?(how (do|can|could|should|would|might) (i|we|you|one|students?|people|parents|someone|a person|schools|universities) (best )?|how to |what (are|is) (the )?(best )?(ways?|steps?) to |(ways|tips|steps) (to|for) |is there a way to )(report|prevent|protect|defend|guard against|recogni[sz]e|spot|detect|tell if|know if|cope with|deal with|recover from|respond to|get help|seek help|support (a|my|our) \w+|stay safe|keep \w+( \w+)? safe|avoid (being|becoming|falling))\b")]
    private static partial Regex Protective();

    // The asker is the one harmed: "someone is stalking me", "I am being blackmailed", "I think I was scammed".
    [GeneratedRegex(@"^\W*(what (should|can|do) (i|we) do (if|when|now that|because) |help,? |i need help,? |)(someone|somebody|a (man|woman|person|stranger|student|classmate|colleague|professor|teacher|boss|coworker)|my (ex|partner|boss|roommate|neighbou?r|classmate)) (is|keeps|has been|was) \w+ing (me|my)\b|^\W*(help,? )?i (am|'m|was|have been|think i (was|am)) (being )?(stalked|harassed|bullied|blackmailed|threatened|scammed|hacked|phished|followed|abused|assaulted|doxx?ed)\b")]
    private static partial Regex Victim();

    // What turns a protective phrase into cover: evading notice, silencing a victim, false reports, role-play.
    [GeneratedRegex(@"\b(without (getting |being )?(caught|detected|traced|noticed)|(getting|being) caught|undetect\w*|untraceabl\w*|get away with|cover (up|my tracks)|avoid\w* (detection|getting caught|being (caught|detected|noticed|traced|identified)|the police|police|suspicion)|(prevent|stop|keep|discourage|deter)\w* .{0,40}\bfrom (find|know|notic|report|tell|detect|escap|leav|call|see|remember|trac|identif|testif)\w*|(rather than|instead of) (prevent|protect|report)\w*|(own gain|my advantage|profit from|use (this|it|them) (against|for))|(hide|conceal|downplay|mask)\w* .{0,30}\b(signs|evidence|abuse|bruises)|\b(bypass|circumvent|get around|evade|defeat)\w*|\bjustif\w*|(false|fake) (report|claim|accusation)\w*|(police|cops|law enforcement|authorities) (from )?(find|detect|catch|notic)\w*|pretend|role-?play|hypothetical\w*|imagine|fiction\w*|character|stay in character|do not refuse|don't refuse|no (warnings|disclaimers|restrictions))")]
    private static partial Regex Exception();
}
