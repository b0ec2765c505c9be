using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A question a course asks about a harm from the outside: how the law, a court, a clinician or a platform deals with it
/// ("How is insider trading prosecuted?", "How do courts treat evidence from spyware?", "Is doxxing illegal?"), why
/// people do it ("Why do people commit fraud?"), how it works as a textbook explains it ("Explain how bot networks
/// amplify misinformation", "How does naloxone reverse an overdose?"), its warning signs, or a poster or leaflet to warn
/// of it. The harm classifier reads the hazard and blocks some; such a question passes when it is one sentence that
/// opens this way, puts neither the asker nor the assistant in the act, and names no way to make, get, hide or use a harm.
/// Written from how coursework asks; an ethnic or religious group is no subject here, nor are people singled out by where
/// they live or what they have ("Why do people from ... ?"), nor a question that presupposes a view ("Why do people not
/// recognise that ... ?"): those are read as before.
/// </summary>
public static partial class ExplanatoryQuestion
{
    public static bool Matches(string text) =>
        OneSentenceRequest.Of(text) is { } lower && Opening().IsMatch(lower) && !Exception().IsMatch(Purpose().Replace(lower, ""));

    private const string Handled =
        @"prosecuted|punished|sentenced|investigated|detected|regulated|treated|diagnosed|defined|reported|prevented|policed|tried|charged|handled" +
        @"|classified|criminali[sz]ed|legislated|enforced|monitored|studied|measured|portrayed|depicted|covered|remembered|commemorated|proven|proved";

    private const string Outsider =
        @"courts?|judges?|juries|police|prosecutors?|law enforcement|investigators?|regulators?|the law|laws|platforms?|social media companies|banks?|hospitals?" +
        @"|doctors?|clinicians?|nurses?|paramedics?|antivirus \w+|antivirus|firewalls?|spam filters?|schools?|universities|researchers?|historians?|journalists?" +
        @"|governments?|victims?|survivors?|therapists?|counsel+ors?|social workers?|(?:naloxone|antidotes?|vaccines?|treatments?|medications?|drugs?) \w+";

    private const string Actors =
        @"people|some people|criminals|offenders|terrorists|extremists|abusers|perpetrators|victims|survivors|scammers|fraudsters|hackers|attackers|teenagers" +
        @"|teens|young people|students|users|patients|addicts|gangs|cults|governments|regimes|states|countries|platforms|companies|bullies|stalkers|predators|trolls";

    // The question's opening: how a harm is dealt with, whether it is legal, why people do it, how it works, its signs, or a warning about it.
    [GeneratedRegex(@"^\W*(?:how (?:is|are|was|were) (?:[\w'-]+ ){1,6}(?:" + Handled + @")\b" +
        @"|(?:is|are|was|were) (?:it )?(?:[\w'-]+ ){0,6}?(?:illegal|legal|a crime|a felony|criminal|punishable|banned|against the law|lawful|unlawful)\b" +
        @"|why (?:do|does|did|would|might) (?:" + Actors + @") (?!(?:not|never|always|from|who|in|of|with|that|living)\b)" +
        @"|how (?:do|does|did|can|could) (?:" + Outsider + @") " +
        @"|(?:explain|describe|summari[sz]e|outline|discuss|analy[sz]e|compare) (?:how|why) (?!to\b)(?:[\w'-]+ ){0,3}(?:" + Outsider + "|" + Actors + @"|[\w-]+ (?:networks?|campaigns?|emails?|attacks?|scams?|schemes?|groups?))\b" +
        @"|(?:explain|describe|summari[sz]e|outline|discuss|analy[sz]e|compare|list) (?:the )?(?:common )?(?:warning signs|signs|red flags|tricks|tactics|techniques|history|causes|effects|impact|laws?|legal consequences|penalties|psychology)\b" +
        @"|what (?:are|is) (?:the )?(?:common )?(?:warning signs|signs|red flags|laws?|legal consequences|penalt(?:y|ies)|sentences?|punishments?|psychological effects|long-term effects) (?:of|for|on|against)\b" +
        @"|what does (?:the )?(?:research|law|evidence|literature|science) say\b" +
        @"|(?:write|create|design|make|draft|prepare) (?:a|an) (?:[\w-]+ ){0,2}(?:[\w]+-)?(?:awareness|prevention|safety|warning|anti-[\w-]+) (?:poster|leaflet|flyer|email|e-mail|presentation|campaign|guide|checklist|handout|infographic|talk|workshop|message|post)s?\b)")]
    private static partial Regex Opening();

    // "For my class" or "for a presentation on platform integrity" says what the answer is for, not who acts.
    [GeneratedRegex(@",? (?:for|in) (?:my|our|a|an|the) (?:[\w-]+ ){0,3}(?:class|course|module|essay|presentation|project|exam|lecture|seminar|assignment|thesis|dissertation|report|paper|dorm|halls?|residence|society|club|workshop)\b(?: on [\w -]+)?")]
    private static partial Regex Purpose();

    // What turns it into a request: the asker or the assistant in the act, the best or easiest way, killing, evading notice, making, getting or using a harm, exact steps or amounts.
    [GeneratedRegex(@"\b(i|me|my|mine|we|our|you|your)\b|(?<!the )\bus\b|\b(most|least|best|easiest|fastest|quickest|cheapest|simplest)\b|\w+est way|\bhow to\b|\b(kill\w*|murder\w*|undetect\w*|untraceabl\w*|caught|get away|without (being|getting)|evade\w*|evading|hid(?:e|es|ing|den)|conceal\w*|bypass\w*|avoid\w* detection|weapon\w*|to (harm|hurt|injure)|make|made|making|build\w*|synthes\w*|produc(e|es|ing|tion)|manufactur\w*|cook\w*|yields?|extract\w*|obtain|obtaining|acquire|acquiring|buy\w*|purchas\w*|recipe|ingredients?|step[- ]by[- ]step|exact|precise|doses?|amounts?|quantit\w+|code|script)\b")]
    private static partial Regex Exception();
}
