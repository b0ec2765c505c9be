using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// An English message from someone who may be about to harm themselves: saying they mean to end their life or hurt
/// themselves ("I want to kill myself", "I don't want to live anymore", "before I kill myself"), or asking for a way to
/// ("the most painless way to die", "how many pills would it take to never wake up", "how deep do I cut", "how do I hide
/// my cuts"). A question about suicide (statistics, a friend's warning signs, Hamlet, an antidote) names it without either,
/// and figures of speech ("I could die of embarrassment", "kill myself laughing") and words in quotation marks (a
/// character's, a poem's) are left out. Written from safe-messaging guidance on what a person at risk says, not from a dataset.
/// </summary>
public static partial class SelfHarmText
{
    public static bool Matches(string text) => Matches(text, Folded(text));

    /// <summary>The text as both rule sets read it: folded, curly apostrophes made straight.</summary>
    public static string Folded(string text) => TextNormalizer.Fold(text).Replace('’', '\'').Replace('‘', '\'');

    /// <summary><paramref name="folded"/> is <see cref="Folded"/> of <paramref name="text"/>, for a caller that has it already.</summary>
    public static bool Matches(string text, string folded)
    {
        if (!folded.Contains(' ')) return false;
        var own = Quoted().Replace(Figurative().Replace(folded, " "), " ");
        return Slang().IsMatch(text) || Intent().IsMatch(own) || Means().IsMatch(own) || Method().IsMatch(own) || Hiding().IsMatch(own) || Farewell().IsMatch(own);
    }

    private const string Act =
        @"(kill myself|end my (own )?life|take my (own )?life(?! back| into| in hand| seriously)|commit suicide|end it all|hang myself|shoot myself|drown myself|" +
        @"poison myself|gas myself|starve myself|cut myself|burn myself|hurt myself|harm myself|self[- ]harm|unalive myself|overdose|od\b|" +
        @"slit my wrists?|jump (off|from) (a|the|my|this|that) (bridge|building|roof|rooftop|cliff|balcony|tower|window|car park|parking)|" +
        @"jump in front of (a|the) (train|bus|car|truck|lorry|tram))\b";

    private const string Modal =
        @"\bi( really| just| honestly| seriously)?('m| am|'ll| will| want to| wanna| need to| have to| plan to| intend to| decided to| have decided to|" +
        @" am going to|'m going to|'m gonna| am gonna| just want to| wish i could| am ready to|'m ready to| might| should just| could just| think i'll| think i will)( just| finally| really| actually)? ";

    // The speaker, in the first person, meaning to do it, wishing to die, or saying they no longer want to live.
    [GeneratedRegex(Modal + Act +
        @"|\bi( really| just| honestly)?( want to| wanna| wish i could| just want to| am ready to|'m ready to| would rather)( just)? (die(?! out| off| down| hard)|not wake up|never wake up|stop existing|not exist)\b" +
        @"|\b(before|after|once|when|so|if|the day) i (kill|hang|shoot|drown|poison|unalive) myself\b" +
        @"|\bi (don't|do not|no longer|dont) want to (live|be alive|exist|wake up|go on living)\b" +
        @"|\bi (have|'ve got|have got|got) (no reason|nothing( left)?) to live for\b|\bi have no reason to (live|go on)\b" +
        @"|\bi('m| am) (suicidal|done with (life|living)|better off dead|planning my suicide|going to end it all)\b" +
        @"|\b(my suicide (note|letter)|(write|draft|compose|help me write) (me )?a suicide (note|letter))\b|\b(they|everyone|everybody|my family)('d| would| will|'ll)? (be )?better off without me\b" +
        // Euphemism: "unalive", ending it, sleeping and not waking up, cutting again.
        @"|\bunalive\b|\bending my (own )?life\b|\btaking my (own )?life(?! back| into| in hand| seriously)|\bkilling myself (seems|is|feels|would be|will be|sounds|looks)\b" +
        @"|\bi('d| would) rather (be dead|die)\b(?! than)|\bi (won't|will not|wont) be alive\b|\bi('ll| will) be dead (by|before|when|soon)\b" +
        @"|\bi('ve| have)? ?(been )?(thinking|thought) (about|of) (suicide|killing myself|dying|not being alive)\b|\bi (have|'ve|am having|'m having|keep having|get) suicidal (thoughts|feelings|urges)\b" +
        @"|\b(cutting|slitting|slashing) my (wrists?|veins?|throat)\b|\burge to (hurt|cut|harm|burn) myself\b|\b(cutting|burning myself|hurting myself|self[- ]harming) tonight\b" +
        @"|(^|(?<=[.!?] ))(want|wanna|going|need) to (kill|hurt|harm|cut|burn) myself\b|\bbetter (off )?without me\b" +
        @"|\b(end(ing)? it|end(ing)? it all) (tonight|today|tomorrow|this week|this weekend|now|soon|after\b)|\b(thinking|thought|think) (about|of) ending (it|my life)\b|\bhow (do|can|should) i end it( all)?\b(?! with)" +
        @"|\b(want|wanna|wish|thinking about|think about|plan)\b[^.?!]{0,30}\b((not|never) wak(e|ing) up|sleep(ing)? forever)\b(?! (until|till|before|for|early|at))" +
        @"|\bi (want|need|wanna|am going|'m going|'m gonna|might|will)( to)? (cut|burn|hurt) (myself )?again\b|\b(thinking (of|about)|urge to) (cutting|self[- ]harming|hurting myself|burning myself)( again)?\b" +
        @"|\b(no one|nobody|noone) would (even )?(miss|notice|care about) me\b|\b(notice|miss me|care|relieved|happier|matter)\b[^.?!]{0,25}\bif i (died|was dead|were dead|was gone|were gone|wasn'?t (around|here|alive)( anymore)?|weren'?t (around|here|alive)( anymore)?|disappeared|killed myself|vanished)\b")]
    private static partial Regex Intent();

    // Asking for a way: the least painful or surest method, a dose or height that kills, how deep to cut.
    [GeneratedRegex(@"\b(painless(ly)?|quick(est)?|easi(est|ly)|surest|simplest|fastest|peaceful(ly)?|most (reliable|effective|peaceful|painless|certain)|least painful|best|gentlest) (way|ways|method|methods|means|option|options|how) (to|of|for) (die|dying|kill (myself|yourself|oneself|themselves)|end (my|your|one's|a|their) (own )?life|commit suicide|suicide|go to sleep forever|not wake up|never wake up|unalive)\b" +
        @"|\bhow (many|much)\b[^.?!]{0,60}?\b(to|would|will|could|can|does it take to|do i need to|need to)\b[^.?!]{0,25}?\b(kill me|kill myself|end my life|end it|never wake up|not wake up|die in my sleep|stop my heart|for me to die)\b" +
        @"|\b(enough|sufficient) (to|for me to) (kill me|kill myself|end my life|never wake up|not wake up|die(?! out| off| down))\b" +
        @"|\b(lethal|fatal|deadly) (dose|amount|height)\b[^.?!]{0,40}?\b(for me|myself|my weight|i weigh|i take|i'd need)\b" +
        @"|\bhow (deep|hard|long)\b[^.?!]{0,30}?\b(should|do|would|must|can) i (need to |have to )?(cut|slit|slash)\b" +
        @"|(?<!(\b(not|never|dont|cant|wont|stop me from|keep me from|talk me out of|without)|n't)\b[^.?!]{0,20})\b(to|so i can|so that i can|and) (kill myself|end my (own )?life|take my (own )?life(?! back| into| in hand| seriously)|commit suicide|unalive myself)\b" +
        @"|\b(where|how) (should|do|can) i (cut|slit) (my )?(wrists?|veins?|arter(y|ies)|throat)\b")]
    private static partial Regex Method();

    // "kms" typed in lower case ("gonna kms"), not a distance and not Windows' Key Management Service ("KMS").
    [GeneratedRegex(@"(?<![\d.,] ?)\b[Kk]ms\b(?! (away|from|to|of|per|north|south|east|west|long|wide|high|an hour))")]
    private static partial Regex Slang();

    // Means and doses: a height that kills, enough of one's own pills, stockpiling them unnoticed.
    [GeneratedRegex(@"\b(high|tall) enough\b[^.?!]{0,30}\b(to )?(kill|die|be fatal|fatal|not survive|definitely|for sure)\b|\b(fatal|kill (you|me)|not survive|don't survive|won't survive)\b[^.?!]{0,30}\b(high|tall) enough\b" +
        @"|\b(lethal|fatal) (dose|amount)\b[^.?!]{0,60}\b(my weight|i weigh|someone my (size|weight|age))\b" +
        @"|\b(stockpil|hoard)\w*\b[^.?!]{0,30}\b(pills|tablets|meds|medication|painkillers|paracetamol|prescription)\b|\b(pills|tablets|meds|medication|painkillers|paracetamol|prescription|worth)\b[^.?!]{0,10}\b(saved( up)?|stockpiled|hoarded)\b|\bsav(e|ing) (them|my (pills|tablets|meds|medication|prescription)) up\b" +
        @"|\b(lethal|fatal|enough to kill( me)?|would kill me)\b[^.?!]{0,40}\bmy (own )?(medication|meds|pills|prescription|antidepressants|tablets|insulin)\b|\bmy (own )?(medication|meds|pills|prescription|antidepressants|tablets|insulin)\b[^.?!]{0,50}\b(lethal|fatal|enough to (kill|die)|kill me)\b" +
        @"|\bhow (many|much)\b[^.?!]{0,40}\b(pills?|pils|tablets|paracetamol|tylenol|painkillers|insulin|of my (medication|meds|prescription|pills))\b[^.?!]{0,20}\b(is|would be|are)? ?(enough|enuf)\b(?! (for|to (treat|help|relieve|stop)))" +
        @"|\b(buy|get|obtain|stockpile|save up|collect)\b[^.?!]{0,30}\b(lots of|a lot of|enough|many|a bunch of|more)\b[^.?!]{0,25}\b(sleeping pills|paracetamol|painkillers|pills|tablets|insulin|tylenol|acetaminophen|opioids|barbiturates)\b[^.?!]{0,60}\b(without (anyone|anybody|a prescription|suspicion|getting)|so (that )?(no one|nobody)|final|enough to|save them)")]
    private static partial Regex Means();

    // Keeping one's own self-harm from being seen.
    [GeneratedRegex(@"\b(hide|hiding|conceal|cover up|cover|covering)\b[^.?!]{0,25}?\b(my |the |fresh |new )*(cuts|self[- ]harm( cuts| scars| marks)?|scars from cutting)\b" +
        @"|\b(excuse|story|lie|explanation)s? (for|about) (the |my )?(cuts|scars|marks|burns|bruises) on my (arms?|wrists?|thighs?|legs?|stomach)\b" +
        @"|\b(cuts|self[- ]harm( scars| marks)?|scars from cutting)\b[^.?!]{0,60}\bso (that )?(no one|nobody|noone|my (parents|mum|mom|dad|family|flatmates|friends|partner)|people|they|the nurse)( will| would)? (won't |wont |doesn't |don't |can't |never )?(see|notice|find out|know|sees|notices|finds out)\b")]
    private static partial Regex Hiding();

    // A goodbye meant to be read after one's death.
    [GeneratedRegex(@"\b(letter|note|message|email|e-mail|text)\b[^.?!]{0,60}\b(after|once|when) i('m| am) gone\b|\b(after|once|when) i('m| am) gone\b[^.?!]{0,40}\b(letter|note|message|read|find)\b" +
        @"|\b(after|once|when) i('m| am|'ve| have) (dead|died)\b|\bmy (goodbye|suicide) (note|letter)s?\b" +
        @"|\b(goodbye|farewell) (letter|note|message|video|email)s?\b[^.?!]{0,30}\b(to|for) (my (parents|family|mum|mom|dad|brother|sister|friends?|partner|girlfriend|boyfriend)|everyone|whoever)\b(?![^.?!]*\b(leav\w*|retir\w*|job|colleagues|team|coworkers|company|moving|graduat\w*|semester abroad))")]
    private static partial Regex Farewell();

    // Speech that uses dying or killing oneself as a figure ("die of embarrassment", "dying to know", "kill myself laughing").
    [GeneratedRegex(@"\b(die|died|dying|dead) (of|from) (embarrassment|boredom|laughter|laughing|shame|cringe|cuteness|exhaustion|hunger|curiosity|jealousy|envy)\b|\bdying (to|for)\b|\bkill(ing)? myself (laughing|studying|working|trying|over)\b|\bi (could|would) die for\b|\bwant to die (of|from|laughing|inside)\b|\bdie (laughing|inside|a little)\b")]
    private static partial Regex Figurative();

    // Words in quotation marks are a character's, a poem's or a source's.
    [GeneratedRegex(@"""[^""]{1,300}""|“[^”]{1,300}”|(?<!\w)'[^']{8,300}'(?!\w)")]
    private static partial Regex Quoted();
}
