using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// An English request for grave harm that names the harm as the thing to be done: asking how to do it ("how do I",
/// "the best way to", "teach me to", "instructions on how to", "where can I buy", "I want to") followed at once by the
/// act: making or getting a weapon, poison, hard drug or malware, harming a person, stealing, breaking in, forging,
/// laundering, hacking an account, sexual contact with a child, taking one's own life, a terrorist attack. The act must
/// follow the ask, so "How do I cite a case about murder?" or "How can I protect my laptop from ransomware?" does not
/// match. Written from everyday English, not from any dataset; the harm classifier reads meaning, this reads the few
/// requests it scores too low because the words that make them grave ("sarin", "ransomware") weigh little in an average.
/// </summary>
public static partial class EnglishHarmRequest
{
    /// <summary>Whether <paramref name="text"/> asks how to do a grave harm, outside a video game, as written or with leetspeak undone.</summary>
    public static bool Matches(string text)
    {
        var folded = TextNormalizer.Fold(text).Replace('’', '\'');
        if (!folded.Contains(' ')) return false;
        var named = ActWords.IsMatch(folded);
        if (named && Game().IsMatch(folded)) return false;
        if (named && Asks(WithoutHarmless(folded))) return true;
        // Undoing leetspeak costs more than the rest together, so only a text with digits or symbols inside its words
        // that names an act once they are read as letters pays it ("h0w d0 i m4ke m3th").
        if (!HasLeetspeak(folded) || !ActWords.IsMatch(AsLetters(folded))) return false;
        var plain = TextNormalizer.DeobfuscateFolded(folded);
        return !Game().IsMatch(plain) && Asks(WithoutHarmless(plain));
    }

    private static bool HasLeetspeak(string text)
    {
        for (var i = 1; i < text.Length; i++)
            if (TextNormalizer.AsLetter(text[i]) != text[i] && (char.IsLetter(text[i - 1]) || i + 1 < text.Length && char.IsLetter(text[i + 1])))
                return true;
        return false;
    }

    private static string AsLetters(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < span.Length; i++) span[i] = TextNormalizer.AsLetter(source[i]);
    });

    private static string WithoutHarmless(string text)
    {
        foreach (var compound in Harmless)
            if (text.Contains(compound, StringComparison.Ordinal)) text = text.Replace(compound, "#", StringComparison.Ordinal);
        return text;
    }

    // Every act below holds one of these words, and most text holds none: such text is passed without the ask's search.
    private static readonly TermSet ActWords = new(
    [
        "bomb*", "explosive*", "ied", "ieds", "grenade*", "molotov*", "napalm", "detonator*", "landmine*", "thermite", "gun*", "firearm*", "pistol*", "rifle*",
        "silencer*", "suppressor*", "nerve", "sarin", "vx", "ricin", "anthrax", "gas", "phosgene", "cyanide", "bioweapon*", "weapon*", "poison*", "meth*",
        "cocaine", "heroin", "fentanyl", "lsd", "mdma", "ecstasy", "ghb", "rape*", "roofies", "opium", "ketamine", "pcp", "dmt", "ransomware", "malware",
        "keylogger*", "spyware", "stalkerware", "botnet*", "trojan*", "rootkit*", "virus*", "worm*", "phishing", "counterfeit*", "fake", "porn*", "csam",
        "sexual*", "nude*", "naked", "explicit", "kill*", "murder*", "strangle*", "suffocate*", "smother*", "stab*", "tortur*", "kidnap*", "abduct*", "drug*",
        "stalk*", "dox*", "blackmail*", "extort*", "hurt*", "harm*", "injur*", "beat*", "attack*", "assault*", "assassinat*", "drown*", "burn*", "chok*",
        "hang*", "lynch*", "behead*", "enslav*", "run over", "frame*", "threaten*", "harass*", "bully*", "spy*", "maim*", "crippl*", "paraly*", "knock out",
        "shoot*", "steal*", "rob", "robbing", "robber*", "shoplift*", "burglar*", "burgle*", "pickpocket*", "mug", "break into", "hotwire*", "lock", "locks",
        "launder*", "suicide*", "fraud*", "arson", "evasion", "theft*", "crime*", "genocide", "terror*", "treason", "massacre*", "felony", "embezzl*",
        "cybercrime", "homicide", "manslaughter", "hijack*", "coup", "forge", "defraud*", "scam*", "evade", "cheat on", "smuggl*", "traffic", "hack*",
        "crack", "body", "corpse", "end my", "take my", "overdose", "self", "isis", "qaeda", "taliban", "radicali*", "jihad*", "groom*", "molest*",
        "seduc*", "abuse*", "have sex", "sleep with", "nudes", "sext*", "pathogen*", "botulinum", "smallpox", "ebola", "flu", "h5n1",
        "automatic", "auto", "lower", "lowers", "receiver*", "xanax", "pills", "ddos", "denial", "stealer*", "infostealer*", "backdoor*",
        "deadbolt*", "padlock*", "tires", "tyres", "vandal*", "tag", "tags", "identity", "background", "address", "location", "track",
        "tracking", "follow", "camera", "tracker", "gps", "throw up", "vomit", "purge", "starve", "cut myself", "get into", "flood",
        "ambush*", "punch*", "kick*", "slap*", "disfigur*", "intimidat*", "credit", "loans",
    ]);

    // Compounds and idioms that share a word with a harm: "how to make a bath bomb", "how to steal the show".
    private static readonly string[] Harmless =
    [
        "bath bomb", "seed bomb", "smoke bomb", "stink bomb", "bomb calorimet", "photobomb", "poison ivy", "poison oak", "poison control",
        "poison dart", "murder mystery", "murder mysteries", "murder of crows", "steal someone's heart", "steal my heart", "steal the show",
        "steal a base", "steal focus",
    ];

    private const string Ask =
        @"(?:\bhow (?:to|(?:do|can|could|would|should|might|will|shall) (?:i|we|you|one|someone|somebody|a person|people|anyone)|does one|does someone)" +
        @"|\b(?:teach|show|tell) (?:me|us) (?:how )?to|\b(?:instructions|steps|guide|tutorial|tips|advice|recipe|directions|plans?|methods?|ways?|strateg(?:y|ies)|scheme|playbook|walkthrough|procedure) (?:on|for|to|about|of)(?: how to)?" +
        @"|\b(?:best|easiest|quickest|fastest|cheapest|simplest|safest|most effective|most efficient|surest|most reliable|most discreet|good|effective|easy) (?:way|ways|method|methods|means|technique|techniques) (?:to|of|for)" +
        @"|\bwhere (?:can|could|do|should|would) (?:i|we|one|someone|you) (?:buy|get|find|obtain|order|purchase|acquire)|\bwhere to (?:buy|get|find|obtain|order|purchase)" +
        @"|\bhelp me(?: to)?|\bi (?:want|need|plan|intend|am going|'m going|would like|wanna) to|\b(?:can|could|would|will) you(?: please)?(?: help me)?|\blet'?s)";

    // Adverbs and phrases that may sit between the ask and the act: "how can I quickly and quietly ...", "how to get away with".
    private const string Between =
        @"(?: (?:\w+ly|and|go about|get away with|try to|start to|learn to|be able to|manage to|secretly|quickly|easily|actually|really|just|even|still|best|first|then|finally|myself|at home|without getting caught|without being caught))*";

    private const string Modifier =
        @"(?:(?:a|an|the|some|my|our|your|his|her|their|own|homemade|home-made|working|functional|simple|powerful|deadly|lethal|untraceable|illegal|cheap|small|big|large|real|crude|improvised|fake|enough|more|pure|strong|new|custom|undetectable|dangerous|effective|basic|\d+" +
        @"|python|javascript|powershell|bash|c\+\+|windows|android|ios|linux|browser|stealthy|hidden|silent|self-replicating|polymorphic|convincing|realistic|believable|sophisticated|targeted|automated|remote|portable|unregistered|high-quality|professional|\w+-looking|\w+-based) )";

    private const string Obtain =
        @"(?:making|building|creating|assembling|manufacturing|producing|synthesi[sz]ing|cooking|mixing|growing|getting|buying|selling|using|writing|coding|developing|deploying|planting|detonating|smuggling" +
        @"|extracting|refining|brewing|preparing|generating|culturing|cultivating|concentrating|purifying|isolating|pressing|printing|3d[- ]printing|converting|finishing|moving|transporting|trafficking|sneaking|ordering|obtaining|acquiring|weaponi[sz]ing|aerosoli[sz]ing|releasing|spreading|distributing" +
        @"|make|build|create|construct|assemble|manufacture|produce|synthesi[sz]e|cook|brew|prepare|mix|grow|extract|refine|3d[- ]print|print|get|buy|obtain|acquire|order|purchase|source|find|sell|smuggle|hide|plant|detonate|set off|use|deploy|spread|release|write|code|program|develop|design|install|launch|weaponi[sz]e|share|download|distribute|access" +
        @"|generate|culture|cultivate|concentrate|purify|isolate|press|finish|convert|modify|rig|aerosoli[sz]e|disperse|move|transport|ship|sneak|turn (?:\w+ ){1,4}into)";

    // Weapons, poisons, hard drugs, malware, forged papers and abuse images; not followed by "detection", "awareness" or the like.
    private const string Dangerous =
        @"(?:(?:\w+-)?(?:\w+[ -])?(?:bombs?|explosives?|explosive devices?|ieds?|grenades?|molotov cocktails?|molotovs?|napalm|detonators?|landmines?|thermite)" +
        @"|(?:ghost|untraceable|homemade|3d[- ]printed|zip|unregistered|unserialized|working) (?:guns?|firearms?|pistols?|rifles?|handguns?)|silencers?|suppressors?" +
        @"|machine ?guns?|auto sears?|bump stocks?|(?:80 ?%|eighty percent) lowers?|(?:80 ?% )?lower receivers?|full[- ]auto\w*|fully automatic (?:guns?|rifles?|weapons?)" +
        @"|semi-?auto(?:matic)? (?:\w+ )?(?:rifles?|guns?|pistols?|weapons?|ar-?15s?) (?:so (?:that )?it (?:fires|shoots)|to|into) (?:fully? |full[- ])?auto" +
        @"|(?:scripts?|tools?|programs?|bots?|code|apps?|extensions?|plugins?) that (?:floods?|overwhelms?|ddos(?:es)?)(?: [\w'-]+){0,4}? with (?:traffic|requests|packets|junk)" +
        @"|(?:scripts?|tools?|programs?|bots?|code|apps?|extensions?|plugins?) that (?:secretly |silently |quietly )?(?:sends?|steals?|uploads?|exfiltrates?|grabs?|captures?|records?) (?:\w+ ){0,3}(?:passwords?|keystrokes|credentials|cookies|credit card numbers)" +
        @"|nerve agents?|sarin|vx|ricin|anthrax|mustard gas|chlorine gas|phosgene|cyanide|poison gas|toxic gas|poisonous gas|bioweapons?|biological weapons?|chemical weapons?|nuclear weapons?|poisons?|botulinum(?: toxin)?|tetrodotoxin|abrin|saxitoxin|smallpox|ebola|plague bacteria|bird flu|avian flu|h5n1|pandemic (?:strains?|pathogens?|viruse?s?)|(?:deadly|lethal|dangerous) pathogens?" +
        @"|meth|methamphetamine|crystal meth|crack cocaine|cocaine|heroin|fentanyl|lsd|mdma|ecstasy|ghb|date[- ]rape drugs?|roofies|opium|ketamine|pcp|dmt|(?:counterfeit|fake|pressed) (?:pills|xanax|oxy\w*|percocets?|adderall)|xanax bars|oxycodone|oxycontin" +
        @"|ransomware|malware|keyloggers?|spyware|stalkerware|botnets?|trojans?|rootkits?|ddos(?: attacks?| tools?| scripts?| bots?)?|denial[- ]of[- ]service (?:attacks?|tools?|scripts?)|(?:credential|password|cookie|session|crypto|wallet|info) ?stealers?|infostealers?|remote access trojans?|backdoors?|computer virus(?:es)?|virus(?:es)? that|worms? that|phishing (?:emails?|e-mails?|pages?|sites?|websites?|messages?|texts?|kits?|campaigns?|links?)" +
        @"|(?:counterfeit|fake) (?:\$?\d+ )?(?:money|bills|banknotes|currency|ids?|passports?|documents|driver'?s licen[cs]es?|diplomas?|degrees?|checks?|cheques?)" +
        @"|child porn\w*|csam|child sexual abuse material|(?:sexual|nude|naked|explicit) (?:images|photos|pictures|videos|content|material) (?:of|with|involving) (?:a |an )?(?:child|children|kids?|minors?|underage|teens?))" +
        @"\b(?! (?:detection|detector|scanner|removal|remover|protection|prevention|awareness|training|simulation|test|defen[cs]e|drill" +
        @"|analysis|analyst|report|essay|research|statistics|history|polic(?:y|ies)|laws?|regulation|education|epidemic|crisis|overdose|addiction|abuse|victims?|survivors?|treat(?:y|ies)|convention|ban|disposal|squad|threat|incident)\b)";

    private const string Hurt =
        @"(?:kill|murder|poison|strangle|suffocate|smother|stab|torture|kidnap|abduct|rape|drug|stalk|doxx?|blackmail|extort|hurt|harm|injure|beat up|attack|assault|assassinate|drown|burn|choke|hang|lynch|behead|enslave|run over|frame|threaten|harass|bully|spy on|maim|cripple|paraly[sz]e|knock out|shoot|ambush|punch|kick|slap|disfigure|mutilate|intimidate)";

    // "her" only at the end of a clause: "burn her CD" and "hurt her feelings" are no attack on her.
    private const string Person =
        @"(?:(?:a|an|the|my|our|his|her|their|your|some|this|that|random|innocent|young|little|old|elderly|several|many|specific|particular|certain|local|annoying|\w+'s) ){0,2}(?:someone|somebody|anyone|anybody|person|people|man|men|woman|women|child|children|kids?|bab(?:y|ies)|boys?|girls?|teens?|teenagers?|minors?|students?|classmates?|teachers?|boss|coworkers?|co-workers?|colleagues?|neighbou?rs?|wife|husband|partner|girlfriend|boyfriend|ex|ex-wife|ex-husband|ex-girlfriend|ex-boyfriend|mother|father|mom|mum|dad|parents?|brother|sister|siblings?|son|daughter|family|friends?|roommates?|landlord|tenants?|strangers?|victims?|witness(?:es)?|step(?:father|mother|dad|mom|mum|brother|sister|son|daughter)|uncle|aunt|cousins?|grand(?:ma|pa|mother|father|parents?)|nephew|niece|in-laws?|teammates?|coach|professor|lecturer|tutor|flatmates?|housemates?|fianc[ée]e?|spouse|employer|manager|supervisor|customers?|patients?|nurses?|doctors?|protesters?|refugees?|homeless (?:people|person|man|woman|men)|guards?|cashiers?|streamers?|rivals?|enem(?:y|ies)|bull(?:y|ies)|cops?|police officers?|officers?|politicians?|president|senator|judge|immigrants?|jews|muslims|him|her(?= *(?:[.,!?;:)]|$|(?:and|or|but|without|so|with|before|after|in|at|for|if|when|while|because|quietly|slowly)\b))|them|myself|dogs?|cats?|animals?|pets?)\b(?!'s)";

    private const string Crime =
        @"(?:steal (?:(?:a|an|the|my|some|someone'?s|people'?s|their) )?(?:money|cash|cars?|credit cards?|credit card numbers|identit(?:y|ies)|from|bikes?|jewel(?:le)?ry|phones?|data|passwords?|wi-?fi|electricity|packages|catalytic converters?|things|stuff|items|goods|merchandise|food|medicine|drugs|purses?|wallets?|someone|personal information)" +
        @"|rob (?:a|an|the|my|someone|somebody|people|banks?|stores?|shops?|houses?|atms?)|shoplift\w*|burglari[sz]e|burgle|pickpocket|mug (?:someone|somebody|people|a person)" +
        @"|break into (?:(?:a|an|the|my|someone'?s|people'?s|\w+'s) ){0,2}(?:\w+ )?(?:house|houses|home|homes|car|cars|apartment|flat|building|safe|atm|vault|store|shop|school|office|account|accounts|email|phone|computer|network|server|system|database|bank)" +
        @"|hotwire\w*|pick (?:a|the) lock|pick locks|pick (?:a |the |(?:my |a |the )?\w+'s )?(?:deadbolts?|padlocks?|door locks?|car locks?)" +
        @"|get into (?:someone'?s|somebody'?s|people'?s|his|her|their|(?:my |a |the )?(?!(?:school|university|college|uni|company|work|job|library|department|class|course|team|club|own|family)'s)\w+'s) (?:\w+ )?(?:house|home|apartment|flat|car|safe|email|e-mail|account|accounts|phone|computer|laptop|messages|dms)" +
        @"|key (?:cars|a car|someone'?s car|\w+'s car|his car|her car|their car)|slash (?:\w+ )?(?:tires|tyres)|vandali[sz]e|burn down|set fire to (?:a|an|the|his|her|their|someone'?s|\w+'s) " +
        @"|(?:remove|get) (?:a |the )?(?:security|ink|alarm|anti-theft) tags? (?:off|from)|get (?:a |the )?(?:security|ink|alarm|anti-theft) tags? off" +
        @"|open (?:a |an )?(?:credit cards?|bank accounts?|accounts?|loans?|lines of credit) in (?:someone|somebody|another person|other people|a dead person|my (?!own\b)\w+)(?: else)?(?:'s)? names?" +
        @"|buy (?:a |an )?(?:gun|handgun|firearm|rifle|weapon)s? without (?:a |any )?background checks?|(?:avoid|skip|bypass|get around|dodge) (?:a |the )?background checks?" +
        @"|sell (?:drugs|weed|pills|cocaine|meth|heroin|fentanyl|molly|xanax|lsd|mdma) to (?:kids|minors|children|teens|teenagers|students|high ?school\w*|middle ?school\w*)" +
        @"|track (?:someone|somebody|a person|people|my (?:ex|wife|husband|girlfriend|boyfriend|partner|roommate|coworker|classmate)|her|him|them|\w+'s)(?:'s)? (?:[\w-]+ )?(?:location|phone|car|movements|whereabouts|every move)|track (?:someone|somebody|my ex|her|him|a (?:woman|girl|man|guy|stranger)) (?:without|secretly)" +
        @"|(?:find|get|look up|locate|work out) (?:out )?(?:the |her |his |their |someone'?s |a \w+'s |\w+'s )?(?:home |exact |real |current |private )?(?:address|location)(?:es)?(?: and (?:\w+ )?(?:phone number|number|workplace|school|email))? (?:of|for) (?:a |an |the |this |that |my |some )?(?:woman|man|girl|guy|person|streamer|stranger|someone|somebody|classmate|coworker|ex|journalist|judge|critic|youtuber)\b" +
        @"|follow (?:my ex|her|him|someone|somebody|a (?:woman|girl|man|guy|stranger)) (?:home|without|around|everywhere)" +
        @"|(?:hide|install|put|plant) (?:a |an )?(?:hidden |secret |spy |small |tiny )?(?:camera|cam|gps|gps tracker|tracker|tracking device|microphone|mic|bug)s? (?:in|on|into|under) (?:my (?!(?:dog|cat|pet|puppy|kitten|baby|son|daughter|kids?|child|children|own)'s)\w+'s|someone'?s|her|his|their|\w+'s|the (?:bathroom|changing room|locker room|showers?|toilets?))" +
        @"|break open (?:a |an |the |someone'?s )?(?:atm|safe|vault|cash register|parking meter|car|door)|ddos|flood (?:\w+ ){0,4}with (?:traffic|requests|packets)|(?:cut|starve|purge) myself|make myself (?:throw up|vomit|puke|purge)|throw up after (?:every |each )?meals?" +
        @"|launder (?:the |my |some )?(?:money|cash|funds|proceeds|profits)" +
        @"|(?:commit|do|get away with|carry out|plan|plot|organi[sz]e|execute|conduct) (?:(?:a|an|the) )?(?:murder|suicide|fraud|arson|tax fraud|tax evasion|insurance fraud|identity theft|credit card fraud|crimes?|robbery|robberies|burglary|theft|genocide|terrorist attacks?|terror attacks?|terrorism|treason|rape|mass shootings?|school shootings?|shootings?|bombings?|suicide bombings?|massacres?|hate crimes?|felony|embezzlement|money laundering|extortion|blackmail|cybercrime|kidnapping|homicide|manslaughter|assault|hijacking|coup)" +
        @"|counterfeit \w+|forge (?:(?:a|an|the|my|someone'?s|\w+'s) )?(?:signatures?|documents?|checks?|cheques?|ids?|passports?|prescriptions?|doctor'?s notes?|notes?|transcripts?|diplomas?|degrees?|wills?)" +
        @"|embezzle|defraud|scam (?:(?:a|an|the|my|some) )?(?:people|someone|somebody|elderly|old people|seniors|customers|investors|person|grandparents?)" +
        @"|evade (?:taxes|tax|paying taxes|the irs)|cheat on (?:my )?taxes|smuggle \w+|traffic (?:people|humans|women|girls|children|kids|drugs|organs|weapons|guns)" +
        @"|hack (?:into|someone'?s|(?:a|an|the|my|my school'?s|the school'?s|someone'?s|my ex'?s|\w+'s) (?:\w+ )?(?:website|account|phone|bank|server|database|network|email|e-mail|computer|system|wi-?fi|router|camera|webcam|instagram|facebook|snapchat|tiktok|twitter|gmail|icloud)|(?:facebook|instagram|snapchat|gmail|email|wi-?fi|bank) accounts?|atms?|my (?:ex|wife|husband|girlfriend|boyfriend|boss|neighbou?r|teacher)\b)" +
        @"|crack (?:(?:a|an|the|my|someone'?s) )?(?:passwords?|wi-?fi|wpa2?|software|licen[cs]e keys?|serial keys?|drm|accounts?)" +
        @"|(?:dispose of|hide|get rid of|dissolve|bury) (?:a|the) (?:dead )?(?:body|corpse)" +
        @"|commit suicide|end my (?:own )?life|take my (?:own )?life|overdose (?:on|with)|self[- ]harm" +
        @"|join (?:isis|al[- ]qaeda|a terrorist (?:group|organi[sz]ation|cell)|the taliban)|radicali[sz](?:e|ing) \w+|hide (?:my |the |our )?(?:\w+ )?(?:income|money|earnings|assets|cash|profits) from (?:the )?(?:tax|irs|hmrc|government|authorities)|recruit \w+ (?:for|to|into) (?:isis|al[- ]qaeda|a terrorist|jihad)" +
        @"|(?:groom|molest|seduce|sexually abuse|abuse|have sex with|sleep with|get nudes from|sext) (?:(?:a|an|the|my|some|young|little) )?(?:child|children|kids?|minors?|underage \w+|\d+[- ]year[- ]olds?|(?:young |teen(?:age)? )?(?:boys?|girls?)|teens?|teenagers?|preteens?))\b";

    // Asking for the thing itself: "where can I buy cocaine", "the recipe for napalm", "instructions for a pipe bomb".
    private const string AskForThing =
        @"(?:\bwhere (?:can|could|do|should|would) (?:i|we|one|someone|you) (?:buy|get|find|obtain|order|purchase|acquire)|\bwhere to (?:buy|get|find|obtain|order|purchase)" +
        @"|\b(?:recipe|synthesis route|ingredients|blueprints?|instructions|schematics?) for|\b(?:step-by-step|detailed) (?:synthesis|instructions|guide|steps|recipe) (?:for|of|to))";

    // A command at the start of a sentence or clause to make one: "Write working ransomware", "For my report, develop a virus that ...".
    private const string Command =
        @"(?:^|[.!?:;,] )(?:please |now )?(?:write|create|develop|code|build|make|design|generate|produce|give me|provide|synthesi[sz]e|manufacture|program|craft)";

    // An ask is found first and the act is read from where it ends: one regular expression of both tried the act's
    // alternatives at every word and cost about 2 ms for 2,000 characters.
    [GeneratedRegex(Ask)]
    private static partial Regex AskForAct();

    [GeneratedRegex("^" + Between + " (?:" + Obtain + " " + Modifier + "{0,3}" + Dangerous + "|" + Hurt + " " + Person + "|" + Crime + ")")]
    private static partial Regex ActAfterAsk();

    [GeneratedRegex(AskForThing + "|" + Command)]
    private static partial Regex AskForDangerousThing();

    [GeneratedRegex("^ (?:" + Obtain + " )?" + Modifier + "{0,3}" + Dangerous)]
    private static partial Regex DangerousThingAfterAsk();

    private static bool Asks(string text)
    {
        foreach (var ask in AskForAct().EnumerateMatches(text))
            if (ActAfterAsk().IsMatch(text.AsSpan(ask.Index + ask.Length))) return true;
        foreach (var ask in AskForDangerousThing().EnumerateMatches(text))
            if (DangerousThingAfterAsk().IsMatch(text.AsSpan(ask.Index + ask.Length))) return true;
        return false;
    }

    // Killing someone in a video game is no harm; the game is named in the request.
    [GeneratedRegex(@"\b(?:in (?:the |a )?(?:video ?)?games?|in-game|call of duty|minecraft|fortnite|gta|skyrim|witcher|roblox|chess|dungeons (?:and|&) dragons)\b")]
    private static partial Regex Game();
}
