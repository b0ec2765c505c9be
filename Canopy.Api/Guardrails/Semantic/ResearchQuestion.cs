using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// A question asked as research asks it, about whether, how often or how strongly something happens in a population
/// ("Do pesticide bans reduce suicide by poisoning?", "Is self-harm among university students increasing?", "What
/// proportion of poisoning deaths in children involve household chemicals?"): the harm classifier reads the hazard and
/// blocks some. It passes when the question is one sentence that opens as such a question, says nothing of the asker
/// or the assistant, and names no way to make, get, hide or use a harm ("Does adding red phosphorus increase the yield
/// of ...?" is read as before).
/// </summary>
public static partial class ResearchQuestion
{
    public static bool Matches(string text) =>
        OneSentenceRequest.Of(text) is { } lower && lower.EndsWith('?')
        && (Effect().IsMatch(lower) || Measure().IsMatch(lower) || Degree().IsMatch(lower)) && !Exception().IsMatch(lower);

    // "Does X reduce Y?", "Is X associated with Y?", "Are overdose deaths rising?": a yes-or-no question about an effect, a link or a trend.
    [GeneratedRegex(@"^(is|are|was|were|does|do|did|can|could|has|have)\b.*\b(associated|associations?|linked|links?|correlat\w*|risk factors?|predicts?|predicted|predictors?|reduces?|reduced|lowers?|increases?|increased|raises?|improves?|improved|affects?|rising|increasing|falling|declining|prevalence|incidence|rates?|proportion|mortality|outcomes?|under-?reported|over-?diagnosed|under-?diagnosed|deaths)\b")]
    private static partial Regex Effect();

    // "What is the prevalence of ...", "What proportion of ...", "Which factors predict ...": a question after a measure.
    [GeneratedRegex(@"^(what|which) (is|are|was|were) (the )?(prevalence|incidence|rates?|proportion|risks?|associations?|effects?|impact|outcomes?|mortality|predictors?|(risk )?factors|determinants|trends?)\b|^what (proportion|percentage|share|fraction) of\b|^which (risk )?factors (predict|are associated)")]
    private static partial Regex Measure();

    // "How often ...", "How effective is ...": a question after a degree.
    [GeneratedRegex(@"^how (often|common|prevalent|frequent|effective|accurate|reliable|strongly)\b")]
    private static partial Regex Degree();

    // What turns it into a request: the asker or the assistant, the best or easiest way, killing, evading notice, and making, getting or using a harm.
    [GeneratedRegex(@"\b(i|me|my|mine|we|our|us|you|your|it)\b|\b(most|least|best|easiest|fastest|quickest|cheapest|simplest)\b|\w+est way|\bhow to\b|\b(kill\w*|murder\w*|undetect\w*|untraceabl\w*|caught|get away|without (being|getting)|weapon\w*|to (harm|hurt|injure)|make|making|synthes\w*|produc(e|es|ing|tion)|manufactur\w*|cook\w*|yields?|extract\w*|obtain\w*|acquire|buy\w*|purchas\w*|recipe|ingredients?)\b")]
    private static partial Regex Exception();
}
