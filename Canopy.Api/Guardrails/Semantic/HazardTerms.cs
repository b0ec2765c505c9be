using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// Whether a text names a hazard, by category (weapons, drugs, intrusion, violence, sexual content with minors, sexual
/// content, self-harm, crime, hate and harassment, privacy, misinformation), and whether it asks for help with one.
/// A pooled token vector dilutes one such word in a long request; as its own signal the classifier weighs it, and
/// learns from the training pool how much each category counts.
/// </summary>
public static partial class HazardTerms
{
    public static readonly string[] Names =
    [
        "hazard_weapons", "hazard_drugs", "hazard_intrusion", "hazard_violence", "hazard_sexual_minors", "hazard_sexual",
        "hazard_self_harm", "hazard_crime", "hazard_hate", "hazard_privacy", "hazard_misinformation", "hazard_requested",
        "hazard_categories",
    ];

    private static readonly Regex[] Categories =
        [Weapons(), Drugs(), Intrusion(), Violence(), SexualMinors(), Sexual(), SelfHarm(), Crime(), Hate(), Privacy(), Misinformation()];

    /// <summary>Writes the signals of folded, lower-case <paramref name="lower"/>; <paramref name="framedAsRequest"/> says a how-to or imperative was seen.</summary>
    public static void Write(string lower, bool framedAsRequest, Span<float> into)
    {
        var hits = 0;
        for (var i = 0; i < Categories.Length; i++)
        {
            var hit = Categories[i].IsMatch(lower);
            into[i] = hit ? 1 : 0;
            if (hit) hits++;
        }
        into[Categories.Length] = hits > 0 && (framedAsRequest || Request().IsMatch(lower)) ? 1 : 0;
        into[Categories.Length + 1] = MathF.Min(1, hits / 3f);
    }

    /// <summary>Whether folded, lower-case <paramref name="lower"/> names a hazard of any category.</summary>
    public static bool NamesAny(string lower) => Array.Exists(Categories, c => c.IsMatch(lower));

    /// <summary>Whether folded, lower-case <paramref name="lower"/> asks for help: how do I, how to, tell me, teach me, I want to.</summary>
    public static bool Asks(string lower) => Request().IsMatch(lower);

    [GeneratedRegex(@"\b(bombs?|explosives?|detonat\w*|grenades?|molotov|napalm|thermite|tnt|nitroglycerin|gunpowder|firearms?|guns?|rifles?|ammunition|silencers?|weapons?|nerve agents?|sarin|ricin|anthrax|botulinum|bioweapons?|uranium|plutonium|mustard gas|chlorine gas|poison\w*|toxins?|cyanide|arsenic)\b")]
    private static partial Regex Weapons();

    [GeneratedRegex(@"\b(meth|methamphetamine|cocaine|crack|heroin|fentanyl|lsd|mdma|ecstasy|ketamine|opioids?|oxycodone|narcotics?|drugs?|weed|marijuana|cannabis|psilocybin|ghb|rohypnol|date[- ]rape)\b")]
    private static partial Regex Drugs();

    [GeneratedRegex(@"\b(hack\w*|malware|ransomware|keyloggers?|spyware|trojans?|botnets?|ddos|phishing|exploits?|zero[- ]day|sql injection|brute[- ]force|passwords?|credentials|backdoors?|rootkits?|bypass\w*|antivirus|firewalls?)\b")]
    private static partial Regex Intrusion();

    [GeneratedRegex(@"\b(kill\w*|murder\w*|assassinat\w*|stab\w*|shoot\w*|strangl\w*|tortur\w*|kidnap\w*|hurt\w*|harm\w*|attack\w*|assault\w*|beat (him|her|them|someone) up|massacre|terroris\w*|terrorist|hostages?|corpse|dead body|maim\w*|violen\w*)\b")]
    private static partial Regex Violence();

    [GeneratedRegex(@"\b(sex\w*|porn\w*|nudes?|naked|erotic|explicit)\b.{0,80}\b(child\w*|minors?|underage|kids?|teen\w*|girl|boy|students?)\b|\b(child\w*|minors?|underage|kids?|teen\w*)\b.{0,80}\b(sex\w*|porn\w*|nudes?|naked|erotic|explicit|groom\w*)\b", RegexOptions.Singleline)]
    private static partial Regex SexualMinors();

    [GeneratedRegex(@"\b(sex|sexual\w*|porn\w*|nudes?|naked|erotic|explicit|rape|molest\w*|incest|fetish\w*|orgasm\w*|genitals?)\b")]
    private static partial Regex Sexual();

    [GeneratedRegex(@"\b(suicid\w*|kill (myself|yourself|himself|herself)|self[- ]harm\w*|cut(ting)? (myself|my wrists)|overdos\w*|end (my|your) life|starv\w*|anorexi\w*|bulimi\w*|pro-ana)\b")]
    private static partial Regex SelfHarm();

    [GeneratedRegex(@"\b(steal\w*|stolen|robb\w*|shoplift\w*|launder\w*|counterfeit\w*|fraud\w*|scam\w*|forge|forged|forgery|forging|fake (ids?|passports?|documents?|invoices?|reviews?|identit\w*)|embezzl\w*|tax evasion|evad\w* taxes|insider trading|ponzi|pyramid scheme|blackmail\w*|extort\w*|brib\w*|smuggl\w*|traffick\w*|identity theft|pick (a|the) lock|break into|burglar\w*|illegal\w*|crimes?|criminal)\b")]
    private static partial Regex Crime();

    [GeneratedRegex(@"\b(racis\w*|sexis\w*|homophob\w*|transphob\w*|slurs?|inferior|subhuman|hate|hateful|harass\w*|bully\w*|cyberbully\w*|humiliat\w*|insult\w*|threat\w*|intimidat\w*|defam\w*|discriminat\w*|supremac\w*|nazis?|genocide|ethnic cleansing|stupid|ugly|fat)\b")]
    private static partial Regex Hate();

    [GeneratedRegex(@"\b(track\w* (someone|my|her|his|their)|stalk\w*|spy\w* on|without (her|his|their|them|my) (knowing|knowledge|consent|permission)|home address\w*|social security numbers?|ssn|credit card (numbers?|details)|personal (information|details|data)|private (information|data|photos|messages)|dox\w*|leak\w*|surveil\w*)\b")]
    private static partial Regex Privacy();

    [GeneratedRegex(@"\b(fake news|misinformation|disinformation|conspirac\w*|hoax\w*|propaganda|false (claims?|information|stor(y|ies)|articles?)|made[- ]up|fabricat\w*|deepfakes?|rig\w* (the )?elections?|voter (fraud|suppression)|anti-?vax\w*|defamatory)\b")]
    private static partial Regex Misinformation();

    [GeneratedRegex(@"\b(how (do|can|could|would|should|might) (i|we|you|one|someone|people)|how to|ways? to|steps? to|instructions (for|on|to)|tutorial|guide|recipe|give me|tell me|help me|teach me|show me|i (want|need|would like) to)\b")]
    private static partial Regex Request();
}
