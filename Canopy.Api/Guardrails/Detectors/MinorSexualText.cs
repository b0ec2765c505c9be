using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// An English message that sexualises a child: in one sentence, a child or young teenager (by word or by an age under
/// eighteen) and either a sexual act done to them ("have sex with", "get ... to send me nudes"), sexual material asked for
/// ("write an erotic story", "describe ... naked"), or erotic or vulgar words about them. A parent's, teacher's or
/// student's question names children with bodies, puberty, abuse or the law, and asks to protect, report, explain or study:
/// those words and a question about what is normal or what to do leave the co-occurrence alone (they never excuse an
/// act or material asked for). Written from child-safety policy definitions, not from a dataset.
/// </summary>
public static partial class MinorSexualText
{
    public static bool Matches(string text) => MatchesFolded(SelfHarmText.Folded(text));

    /// <summary>Whether the text, already folded (<see cref="SelfHarmText.Folded"/>), sexualises a child.</summary>
    public static bool MatchesFolded(string folded)
    {
        if (!Minor().IsMatch(folded)) return false;
        // A protective or studious word anywhere in the message leaves the mere co-occurrence of erotic words alone.
        var asksWhy = Protects().IsMatch(folded) || Studies().IsMatch(folded);
        foreach (var sentence in Sentence().Split(folded))
        {
            if (!Minor().IsMatch(sentence)) continue;
            if (Act().IsMatch(sentence) && !Legal().IsMatch(sentence)) return true;
            if ((MadeTo().IsMatch(sentence) || Material().IsMatch(sentence)) && !Protects().IsMatch(sentence)) return true;
            if (!asksWhy && Erotic().IsMatch(sentence)) return true;
        }
        return false;
    }

    /// <summary>
    /// A question about children and sex, bodies or abuse asked in a protective frame ("How do I talk to my children about
    /// sex?", "How should teachers report suspected grooming?", "Is it normal for a toddler to ..."): none of a sexual
    /// act, material, getting at images, evading the law, or a wish of the asker's. The harm classifier reads the
    /// subject's words as a request for it, so it does not read these.
    /// </summary>
    public static bool AsksToProtect(string text)
    {
        var folded = SelfHarmText.Folded(text);
        if (!Minor().IsMatch(folded) || !Subject().IsMatch(folded) || !Frame().IsMatch(folded) || Danger().IsMatch(folded)) return false;
        foreach (var sentence in Sentence().Split(folded))
            if (Act().IsMatch(sentence) || MadeTo().IsMatch(sentence) || Material().IsMatch(sentence)) return false;
        return true;
    }

    // What such a question is about: sex, bodies, puberty, abuse, consent.
    [GeneratedRegex(@"\b(sex\w*|porn\w*|nud(e|es|ity)|naked|genital\w*|puberty|periods?|menstrua\w*|breasts?|penis|vagina|bod(y|ies)|private parts|consent|groom\w*|abus\w*|sextortion|exploitation|csam|molest\w*|rape|contracepti\w*|condoms?|stis?|hpv|lgbt\w*|gay|lesbian|transgender)\b")]
    private static partial Regex Subject();

    // A protective frame: talking with or teaching children, recognising or reporting, what is normal or what to do, a lesson, filters.
    [GeneratedRegex(@"\b(talk|speak|explain|teach|introduce)\w*\b[^.?!]{0,50}\b(about|why|how|what|that)\b|\b(report|recogni[sz]e|spot|notice|identify|tell (if|whether|the difference)|check (if|whether))\b" +
        @"|\b(protect\w*|keep (them|him|her|my \w+|children|kids|pupils|students) safe|safeguarding|prevent\w*)\b|\b(is (it|this|that) normal|normal for|should i be worried|how worried|what (should|do|can) (i|we) do)\b" +
        @"|\b(lesson|curriculum|sex education|sex ed|pshe|rse|training|parental controls?|safesearch|safe search)\b")]
    private static partial Regex Frame();

    // What turns such a question into cover: a wish of the asker's, getting at images, evading the law, promoting it, role-play.
    [GeneratedRegex(@"\b(entic\w*|lure|lur(ing|ed)|seduc\w*|sexuali[sz]\w*|fantas\w*|with me|for me|my (sexual|desires?)|turn (me|him|her) on|arous\w*|flirt\w*)\b" +
        @"|\b(to|can i|could i|should i|will i|i want to|i'd like to|help me|easier for me to|easiest way to|best way to) (groom|exploit|molest|abuse|access|find|get|buy|download|obtain|share|sell|distribute|make|film|photograph|meet|contact|approach)\b" +
        @"|\bgroom(ing)? (minors|children|kids|a child|girls|boys|young)\b|\b(access|find|buy|download|obtain|share|sell|distribut\w*|view|watch|collect)\b[^.?!]{0,30}\b(porn\w*|csam|nudes?|naked|images|photos|pictures|videos)\b" +
        @"|\b(avoid\w*|evad\w*|escap\w*|without|bypass\w*)\b[^.?!]{0,30}\b(prosecution|detection|triggering|getting caught|being caught|police|cops|law enforcement)\b|\b(promot|facilitat|encourag|normali[sz])\w*\b" +
        @"|\b(hypothetical\w*|pretend|role-?play|start your (response|reply)|begin your (response|reply))\b")]
    private static partial Regex Danger();

    private const string Child =
        @"(child|children|kid|kids|kiddie|minor|minors|underage|under-age|preteens?|pre-teens?|toddlers?|infants?|little (girl|boy|one)s?|" +
        @"young (girl|boy)s?|schoolgirls?|schoolboys?|lolis?|shotas?|(middle|elementary|primary|grade) school(er)?s?|" +
        @"(girl|boy)s? (aged|of) ([1-9]|1[0-7])\b|([1-9]|1[0-7]) ?(-| )?(year|yr)s?(-| )old|([1-9]|1[0-7]) ?(yo|y/o|y\.o\.)|" +
        @"(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(-| )years?(-| )olds?|" +
        @"(my|his|her|a|the) (step)?(daughter|son|niece|nephew|pupil|student) who is ([1-9]|1[0-7])\b)";

    [GeneratedRegex(@"\b" + Child + @"\b")]
    private static partial Regex Minor();

    private const string Wants =
        @"\b(how (can|do|could|would|should|might) i|how to|i want to|i wanna|i'd like to|i would like to|i'm going to|i am going to|i'm gonna|i will|i'll|let me|help me|ways? to|tips (on|for)|" +
        @"(best|easiest|safest) way to|can i|could i|i love to|i like to|i enjoy|do you (enjoy|like|want)|would you|teach me to|i fantasi[sz]e about|i dream (of|about)|i keep thinking about|i've been|i have been|i need to)\b";

    // A sexual act done to the child, wanted or asked how to do: the act, then the child within a few words.
    [GeneratedRegex(Wants + @"[^.?!]{0,25}?\b(fuck(ing)?|have sex with|having sex with|sleep with|sleeping with|rape|raping|molest(ing)?|grope|groping|fondle|fondling|finger(ing)?|" +
        @"(suck|lick)(ing)? (on )?(the |her |his |their )?(\w+ )?(breasts?|boobs?|tits|nipples?|dick|cock|penis|pussy|vagina)( of)?|seduce|seducing|sext(ing)?|get nudes (from|of)|get naked with|touch(ing)? (the )?private parts of)\b[^.?!]{0,30}?\b" + Child + @"\b")]
    private static partial Regex Act();

    // The child got, made or paid to send, show or strip.
    [GeneratedRegex(@"\b(get|make|convince|persuade|trick|groom|pay|ask)\b[^.?!]{0,25}?\b" + Child + @"\b[^.?!]{0,25}?\b(to )?(send|take|show|share|film|strip|undress)\b[^.?!]{0,20}?\b(nudes?|naked|nude|pics of (her|him|them)sel(f|ves)|(her|his|their) (body|breasts|private parts|genitals))\b")]
    private static partial Regex MadeTo();

    private const string Sexual =
        @"(erotic\w*|sex (story|stories|scene|scenes|chat)|sexy|sexually (explicit|arousing)|sexual (story|scene|fantas\w+|content|role-?play)|in a sexual (way|manner)|porn\w*|nudes?|naked|nude|" +
        @"dirty (talk|story|stories|pics|photos|sex)|lewd|smut\w*|hentai|steamy|seductive(ly)?)";

    // Sexual material asked for about the child: write, describe, show or role-play it, the child near the sexual word.
    [GeneratedRegex(@"\b(write|tell|describe|create|generate|give me|make|show me|send me|draw|narrate|continue|imagine|role-?play|pretend)\b[^.?!]{0,60}?\b(" + Sexual + @"\b[^.?!]{0,40}?\b" + Child + "|" + Child + @"\b[^.?!]{0,40}?\b" + Sexual + @")\b")]
    private static partial Regex Material();

    // Erotic or vulgar words about the child in the same sentence.
    [GeneratedRegex(@"\b(sexy|horny|erotic\w*|lewd|hentai|smut\w*|porn\w*|blow ?jobs?|hand ?jobs?|jerk(ing)? off|aroused|arousing|turns? me on|turned on)\b")]
    private static partial Regex Erotic();

    // A question of the law: what is allowed, at what age.
    [GeneratedRegex(@"\b(legal\w*|illegal\w*|law|laws|age of consent|crime|offen[cs]e)\b")]
    private static partial Regex Legal();

    // A sentence that protects, reports or asks what to do or what is normal.
    [GeneratedRegex(@"\b(protect\w*|prevent\w*|report\w*|safeguard\w*|signs?|warning|police|victims?|survivors?|abus\w*|exploit\w*|groom\w*|safe|safety|help|what (should|do|can) (i|we)|is (it|this|that) normal|normal for|doctor|paediatric\w*|pediatric\w*|therap\w*|block\w*|filter\w*|parental controls?|talk (to|with)|explain\w*|teach\w*|educat\w*|lesson|curriculum|illegal|law|laws|legal|crime|offen[cs]e\w*|prosecut\w*|sentenc\w*|convict\w*|ban|banned|stop|keep|avoid|limit|restrict\w*|monitor\w*|worried|concern\w*|found|caught|exposed|someone|a stranger|an adult|a man|a predator)\b")]
    private static partial Regex Protects();

    // A sentence that studies the subject: research, history, literature, media.
    [GeneratedRegex(@"^\W*why\b|\b(research|study|studies|statistic\w*|essay|thesis|novel|book|author|character|film|documentary|history|historical|media|advertis\w*|sexuali[sz]\w*|industry|addict\w*|effects? of|impact of|exposure|harm\w*|campaign|policy|article)\b")]
    private static partial Regex Studies();

    [GeneratedRegex(@"[.!?;\n]+")]
    private static partial Regex Sentence();
}
