using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// An English request to write a text whose purpose is harm: made to deceive (fake news, fake reviews, a forged note, a
/// script posing as someone's bank or grandson, a message that tricks people into giving their password), to threaten or
/// wound a person, to stir violence or self-harm, to demean a group or recruit for extremists, or to push a known hoax.
/// The harm must be what the text is for, named before any word that makes it a subject ("an essay on", "about",
/// "analysing", "debunking", "awareness"), so "Write an essay on how fake news spreads" or "Write a poster encouraging
/// students to report self-harm concerns" passes. Written from the kinds of such requests, not from any dataset.
/// </summary>
public static partial class EnglishHarmfulText
{
    /// <summary>Whether <paramref name="text"/> asks for a text written to deceive, threaten, incite, demean or push a hoax.</summary>
    public static bool Matches(string text)
    {
        var folded = TextNormalizer.Fold(text).Replace('’', '\'');
        if (!Markers.IsMatch(folded)) return false;
        foreach (var command in Commission().EnumerateMatches(folded))
            if (HarmfulPurpose().IsMatch(folded.AsSpan(command.Index + command.Length))) return true;
        return false;
    }

    // Every purpose below holds one of these words, and most text holds none.
    private static readonly TermSet Markers = new(
    [
        "fake", "false", "fabricated", "made-up", "bogus", "phony", "phoney", "fraudulent", "forged", "counterfeit", "defamatory", "libel*",
        "slander*", "hoax", "threaten*", "menacing", "intimidat*", "harass*", "abusive", "bully*", "humiliat*", "hurtful", "cruel", "degrading",
        "blackmail*", "ransom", "extort*", "something bad", "something terrible", "something awful", "know where", "as possible", "feel worthless",
        "should die", "kill himself", "kill herself", "kill themselves", "kill yourself", "urg*", "calling for", "calling on", "encourag*", "incit*",
        "persuad*", "convinc*", "rally*", "glorif*", "promot*", "prais*", "celebrat*", "justif*", "mock*", "ridicul*", "demean*", "dehumani*",
        "insult*", "belittl*", "slur*", "jokes", "stereotyp*", "recruit*", "screen*", "exclud*", "filter*", "pretending", "posing", "tricks",
        "trick", "steal", "harvest*", "phish*", "pro-ana", "thinspiration", "thinspo", "meanspo", "cause autism", "causes autism", "staged",
        "faked", "never happened", "was stolen", "was rigged", "is a hoax", "flat earth", "earth is flat", "5g", "cures", "cure", "arguing",
        "claiming", "saying", "stating", "proving", "showing", "insisting", "argues", "claims", "says", "states", "proves", "shows", "casualties",
        "as many", "election", "polling", "voting", "vote", "collect*", "captur*", "grab*", "feel ugly", "feel suicidal", "feel like dying",
        "reject*", "keep out", "keeps out", "banned", "expelled", "deported", "killed", "exterminated", "removed", "sterili*", "locked up",
        "segregated", "wiped out", "eliminated", "not be allowed", "never be allowed",
    ]);

    // A command to write or make something, opening a sentence or clause or after "can you", "help me" and the like.
    [GeneratedRegex(@"(?:^|[.!?:;,] ?|\b(?:please|can you|could you|would you|will you|help me|i need you to|i want you to|i'd like you to|now|then|and) )(?:write|compose|draft|create|generate|produce|make|craft|design|prepare|come up with|give me|put together|publish|post|suggest|list|provide|send|script|plan|outline)\b")]
    private static partial Regex Commission();

    // What makes the text's purpose a subject rather than its aim: once one of these words is read, the rest is a topic.
    private const string Topic =
        @"(?:about|on|regarding|summar\w*|analy[sz]\w*|explain\w*|describ\w*|discuss\w*|why|how|what|spot\w*|detect\w*|identify\w*|recogni[sz]\w*|warning|warns?|awareness" +
        @"|against|debunk\w*|refut\w*|rebut\w*|counter\w*|critici[sz]\w*|condemn\w*|prevent\w*|avoid\w*|report\w*|history|histories|examples? of|quiz|lesson|training)";

    // Up to 20 words of the same sentence, none of them a topic word.
    private const string Lead = @"^(?> (?!" + Topic + @"\b)[\w'%$-]+[,:]?){0,20}? ";

    private const string Group =
        @"(?:jews|jewish people|muslims|christians|hindus|sikhs|black people|blacks|white people|hispanics|latinos|latinas|mexicans|asians|chinese people|the chinese" +
        @"|arabs|immigrants|migrants|refugees|gay people|gays|lesbians|gay men|trans people|transgender people|trans women|trans men|lgbt\w* people|women|disabled people" +
        @"|the disabled|people with disabilities|autistic people|roma|romani people|gypsies|indians|africans|aboriginal people|indigenous people|native americans|fat people|old people)";

    private const string Deceptive =
        @"(?:fake|false|fabricated|made-up|bogus|phony|phoney|fraudulent|forged|counterfeit|defamatory|libell?ous|slanderous|hoax)(?> [\w'-]+){0,2}? (?:news|articles?|stor(?:y|ies)|reports?|reviews?" +
        @"|testimonials?|press releases?|quotes?|evidence|invoices?|receipts?|certificates?|diplomas?|transcripts?|degrees?|doctor'?s notes?|sick notes?|medical records?" +
        @"|references?|bank statements?|pay ?stubs?|ids?|passports?|prescriptions?|documents?|signatures?|tweets?|posts?|screenshots?|ads?|adverts?|advertisements?|endorsements?|ratings?)\b" +
        @"|(?:pretending|posing|claiming) to be (?:from )?(?:a |an |the |their |his |her |my |your )?(?:\w+ ){0,3}(?:bank|irs|police|government|grandson|granddaughter|grandchild|son|daughter" +
        @"|it desk|it department|it support|tech support|microsoft|apple|amazon|paypal|university|registrar|tax office|officer|lawyer|doctor|charity" +
        @"|office|department|desk|team|support|agency|service|council|authority|helpdesk)\b" +
        @"|tricks? (?:\w+ ){0,3}into (?:typing|entering|giving|sending|handing|revealing|sharing|clicking|paying|transferring|wiring|downloading|installing)" +
        @"|(?:to|that|which|and) (?:steal|harvests?|phish|collects?|captures?|grabs?) (?:their |people'?s |users'? |students'? |the )?(?:passwords?|logins?|credentials|credit cards?|card numbers|bank details|ssns?|social security numbers?)";

    private const string Wounding =
        @"(?:threatening|menacing|intimidating|harassing|abusive|bullying|humiliating|hurtful|cruel|degrading|blackmail|ransom|extortion)(?> [\w'-]+){0,2}? (?:messages?|letters?|notes?|emails?|e-mails?|texts?|comments?|posts?|tweets?|dms?|voicemails?|replies|reply|notes?)\b" +
        @"|something (?:bad|terrible|awful) (?:will|could|might|is going to) happen|(?:i|we) know where (?:you|he|she|they|his|her|their) (?:live|lives|work|works|kids|children|family)" +
        @"|as (?:hurtful|cruel|mean|humiliating|nasty|degrading|painful|devastating|threatening|scary) as possible|feel (?:worthless|ugly|suicidal|like dying)|should (?:kill (?:himself|herself|themselves|yourself)|die)\b";

    private const string Inciting =
        @"(?:urging|calling for|calling on|encouraging|inciting|persuading|convincing|rallying|glorifying|promoting|praising|celebrating|justifying" +
        @"|that (?:urges|calls for|calls on|encourages|incites|persuades|convinces|glorifies|promotes|praises|celebrates|justifies))" +
        @"(?> (?!(?:report|prevent|stop|avoid|resist|end|fight|combat|oppose|reject|condemn|seek|get|talk|discuss|recogni[sz]e|understand|learn|support|help|call|contact|spot)\b)[\w'-]+){0,5}? " +
        @"(?:violence|violent|attacks?|attacking|kill\w*|murder\w*|burn\w* down|set fire|bomb\w*|shoot\w*|lynch\w*|riot\w*|terroris\w*|terrorist|genocide|ethnic cleansing|massacres?" +
        @"|suicide|self-harm|self harm|kill (?:themselves|yourself|himself|herself)|end (?:their|his|her|your) (?:own )?li(?:fe|ves)|cutting|starv\w*|anorexi\w*|bulimi\w*|purging|drunk driving" +
        @"|drink and drive|school shootings?|mass shootings?|jihad|extremis\w*|harm (?:themselves|yourself|others|people))\b" +
        @"(?! (?:awareness|prevention|hotlines?|helplines?|support|recovery|survivors?|statistics|research|victims?|education|concerns?|warning signs|risk))";

    private const string Demeaning =
        @"(?:mock\w*|ridicul\w*|demean\w*|dehumani[sz]\w*|insult\w*|belittl\w*|degrad\w*|humiliat\w*|slurs?|jokes? (?:about|that mock|mocking))(?: (?:and|or|against|about|for|at|to use|insults|slurs|\w+ing)){0,5} " + Group + @"\b" +
        @"|(?:arguing|claiming|saying|stating|proving|showing|insisting|that (?:argues|claims|says|states|proves|shows))(?: that)? " + Group +
        @" (?:are|is) (?:\w+ ){0,2}?(?:inferior|violent|criminals?|animals|subhuman|mentally ill|sick|diseased|a disease|parasites|vermin|dangerous|terrorists|stupid|lazy|dirty|evil|a burden|a threat|degenerates?|rapists|thieves|savages|less intelligent)\b" +
        @"|" + Group + @" (?:should|must|need to|ought to) (?:all )?(?:be )?(?:banned|expelled|deported|killed|exterminated|removed|sterili[sz]ed|locked up|segregated|wiped out|eliminated|not be allowed|never be allowed)\b" +
        @"|(?:screens?|filters?|keeps?) out (?:all )?(?:black|hispanic|latino|asian|jewish|muslim|gay|trans|female|disabled|older|pregnant|immigrant)|(?:excludes?|rejects?) (?:all )?(?:black|hispanic|latino|asian|jewish|muslim|gay|trans|disabled|pregnant|immigrant) (?:\w+ )?(?:applicants|candidates|tenants|students|people|employees|workers|customers)" +
        @"|recruit\w*(?: \w+){0,3} (?:for|into|to join|to) (?:a |an |the |our )?(?:white nationalist|white supremacist|neo-?nazi|nazi|jihadist|terrorist|extremist|isis|al-?qaeda)" +
        @"|(?:recruitment|recruiting) (?:\w+ )?(?:posts?|messages?|videos?|pamphlets?|flyers?|speech|scripts?|campaign) (?:for|aimed)(?: \w+){0,3}? (?:white nationalist|white supremacist|neo-?nazi|nazi|jihadist|terrorist|extremist|isis|al-?qaeda)";

    private const string Hoax =
        @"(?:claiming|saying|arguing|proving|convincing|showing|insisting|announcing|telling|informing|that (?:claims|says|argues|proves|convinces|shows|announces|tells))(?> [\w'-]+){0,5}? " +
        @"(?:vaccines? (?:cause|causes|caused) (?:autism|infertility|death)|5g(?: towers?| networks?| masts?)? (?:causes?|spreads?|caused|spread)|(?:election|polling|voting) (?:day|date|stations?|places?) (?:has|have|had) been (?:moved|changed|cancelled|canceled|postponed)|(?:you )?(?:can|may) (?:now )?vote (?:by text|online|by phone)|(?:the )?moon landings? (?:was|were) (?:faked|staged|fake)|(?:the )?holocaust (?:never happened|was a hoax|didn't happen)" +
        @"|(?:the )?(?:election|vote) was (?:stolen|rigged)|climate change is a hoax|(?:the )?earth is flat|(?:\w+ ){0,3}cures? (?:autism|cancer|covid|hiv|aids|diabetes))" +
        @"|pro-ana|thinspiration|thinspo|meanspo" +
        @"|(?:cause|causing|maximi[sz]e|maximi[sz]ing|inflict|inflicting) (?:the )?(?:most|maximum|max|as many|mass) casualties|kill as many (?:people )?as possible|the most casualties";

    [GeneratedRegex(Lead + "(?:" + Deceptive + "|" + Wounding + "|" + Inciting + "|" + Demeaning + "|" + Hoax + ")")]
    private static partial Regex HarmfulPurpose();
}
