namespace Canopy.Api.Guardrails;

/// <summary>Word lists of the HAP detector: protected groups, hostile cues, slurs, profanity, and the words that turn hostility around.</summary>
internal static class HapLexicon
{
    public static readonly string[] Groups =
    [
        "women", "woman", "girls", "females", "trans people", "transgender people", "trans person", "trans women", "trans men",
        "gay people", "gays", "gay men", "gay man", "gay", "lesbians", "lesbian", "homosexuals", "bisexuals", "queers",
        "black people", "blacks", "black person", "disabled people", "the disabled", "handicapped people", "cripples",
        "muslims", "muslim", "immigrants", "immigrant", "refugees", "migrants", "foreigners", "jews", "jewish people", "jew",
        "asians", "mexicans", "arabs", "hindus", "christians", "people of colour", "people of color", "gypsies",
    ];

    /// <summary>Expressions of hate, contempt or dehumanisation; matched with one typo tolerated when long enough.</summary>
    public static readonly string[] Hostile =
    [
        "hate", "hated", "hatred", "loathe", "despise", "detest", "disgust", "disgusting", "disgusted", "disgusts", "contempt",
        "disdain", "repulsive", "revolting", "vile", "scum", "vermin", "rats", "cockroaches", "parasites", "filth", "filthy",
        "trash", "garbage", "worthless", "inferior", "subhuman", "animals", "pigs", "apes", "plague", "cancer", "disease",
        "stupid", "idiots", "ignorant", "pathetic", "useless", "dirt", "sick", "zoo", "vet", "cage", "exterminated",
        "kill", "killed", "murder", "murdered", "die", "dead", "shoot", "shot", "hang", "hanged", "lynch", "gas", "burn",
        "exterminate", "slaughter", "execute", "executed", "eradicate", "eliminate", "wipe", "end", "hurt", "beat", "stab",
        "fucking", "fuck", "dumb", "liars", "criminals", "terrorists", "freaks", "savages", "leeches", "degenerates",
        "abomination", "abominations", "barbarians", "barbaric", "perverts", "perverted", "invaders", "primitive", "greedy", "monsters",
        "pests", "thugs", "scumbags", "subhumans",
        "deport", "deported", "expel", "expelled", "sterilised", "sterilized", "rid", "lock", "locked", "disappear",
    ];

    /// <summary>The hostile words that name violence: hateful when the speaker wishes it, not when a story or a question tells of it.</summary>
    public static readonly HashSet<string> Violence =
    [
        "kill", "killed", "murder", "murdered", "die", "dead", "shoot", "shot", "hang", "hanged", "lynch", "gas", "burn", "exterminate",
        "exterminated", "slaughter", "execute", "executed", "eradicate", "eliminate", "wipe", "end", "hurt", "beat", "stab",
        // Removal is told in history ("Jews were expelled from England in 1290") and wished in hate ("should be deported").
        "deport", "deported", "expel", "expelled", "sterilised", "sterilized", "rid", "lock", "locked", "disappear",
    ];

    /// <summary>The violence words of removal: the law's words too, for part of a group (<see cref="Qualifiers"/>).</summary>
    public static readonly HashSet<string> Removal = ["deport", "deported", "expel", "expelled", "lock", "locked", "rid", "disappear"];

    /// <summary>Words right after a group's name that narrow it to some of its members: "immigrants who ...", "refugees convicted of ...".</summary>
    public static readonly HashSet<string> Qualifiers =
        ["who", "that", "whose", "convicted", "without", "caught", "found", "accused", "charged", "overstaying", "whom"];

    /// <summary>Words that state a positive quality: hostile when negated ("never attractive", "no compassion").</summary>
    public static readonly string[] Positive =
    [
        "compassion", "respect", "sympathy", "attractive", "smart", "intelligent", "kind", "trustworthy", "honest", "equal",
        "capable", "welcome", "valuable", "deserve", "human", "worth", "competent", "beautiful", "decent", "good",
    ];

    public static readonly string[] Slurs =
    [
        "bitch", "slut", "whore", "tranny", "trannies", "shemale", "faggot", "faggots", "fag", "fags", "dyke", "dykes",
        // Not "negro" (black in Spanish and Portuguese, and the word of historical documents) nor "retard" (to slow down).
        "nigger", "niggers", "nigga", "niggas", "coon", "retards", "retarded", "spastic", "spaz",
        "mongoloid", "raghead", "ragheads", "towelhead", "muzzie", "wetback", "wetbacks", "kike", "kikes", "chink", "spic",
        "cunt", "cunts",
    ];

    /// <summary>
    /// Slurs that are also ordinary words of a subject, with the words that show that sense nearby: a dyke in geology and
    /// flood defence, a chink in the armour, a bundle of faggots, a fag as a cigarette, a bitch and her litter, the Maine
    /// Coon, the Whore of Babylon anywhere in the sentence; retarded potentials in physics and spastic paralysis in
    /// neurology only with the noun the adjective qualifies (<see cref="AdjectiveSenses"/>).
    /// </summary>
    public static readonly Dictionary<string, HashSet<string>> OtherSenses = Senses(
        (["dyke", "dykes"], ["sea", "seas", "flood", "floods", "flooding", "water", "river", "rivers", "canal", "canals", "levee", "levees",
            "embankment", "embankments", "polder", "polders", "dutch", "netherlands", "drain", "drainage", "dam", "dams", "tide", "tidal",
            "storm", "hurricane", "surge", "coast", "coastal", "shore", "beach", "marsh", "magma", "igneous", "intrusion", "intrusions", "intrusive",
            "intrudes", "rock", "rocks", "sill", "sills", "volcanic", "volcano", "lava", "basalt", "dolerite", "granite", "geology",
            "geological", "swarm", "outcrop", "strata", "sandstone", "ring"]),
        (["chink", "chinks"], ["armour", "armor", "light", "wall", "walls", "curtain", "curtains", "door", "shutter", "shutters", "gap",
            "crack", "glass", "glasses", "coins", "cups", "window", "fence"]),
        (["faggot", "faggots"], ["sticks", "stick", "wood", "firewood", "kindling", "bundle", "bundles", "twigs", "peas", "gravy", "pork",
            "liver", "butcher", "meatball", "meatballs", "dish", "recipe", "cook", "onion", "onions"]),
        (["fag", "fags"], ["cigarette", "cigarettes", "smoke", "smoking", "smoked", "lighter", "packet", "ash", "tobacco"]),
        (["bitch"], ["dog", "dogs", "puppy", "puppies", "litter", "litters", "breed", "breeder", "breeding", "kennel", "whelp", "whelped",
            "whelping", "vet", "spayed", "stud", "sire", "labrador", "greyhound"]),
        (["coon"], ["maine", "cat", "cats", "kitten", "kittens", "hound", "hounds", "raccoon", "raccoons"]),
        (["whore"], ["babylon", "revelation", "'tis", "tis", "ford", "dekker", "honest"]));

    /// <summary>Slurs that are also adjectives of a subject, with the nouns they qualify there ("retarded time", "spastic diplegia").</summary>
    public static readonly Dictionary<string, HashSet<string>> AdjectiveSenses = Senses(
        (["retarded"], ["potential", "potentials", "time", "times", "green", "propagator", "propagators", "field", "fields", "wave", "waves",
            "solution", "solutions", "charge", "growth", "development", "ejaculation", "ignition", "timing", "spark", "flow", "reaction",
            "velocity", "acceleration", "motion"]),
        (["spastic"], ["paralysis", "diplegia", "hemiplegia", "quadriplegia", "tetraplegia", "paraplegia", "paraparesis", "palsy",
            "cerebral", "gait", "muscle", "muscles", "tone", "colon", "bladder", "dysphonia", "dysarthria", "limb", "limbs", "hypertonia"]));

    private static Dictionary<string, HashSet<string>> Senses(params (string[] Slurs, string[] Context)[] entries) =>
        entries.SelectMany(e => e.Slurs.Select(slur => (slur, context: e.Context.ToHashSet()))).ToDictionary(e => e.slur, e => e.context);

    public static readonly string[] Profanity =
    [
        "fuck", "fucking", "fucked", "fucker", "motherfucker", "shit", "shitty", "bullshit", "asshole", "bastard", "dickhead",
        "crap", "piss", "wanker", "bollocks", "scheisse", "scheiße", "arschloch", "fick", "verdammt",
    ];

    /// <summary>The beginnings of words that name hostility as what it is: a sentence with one is about hate, not hate.</summary>
    public static readonly string[] Condemnation =
    [
        "dehumanis", "dehumaniz", "harassment", "discriminat", "offensive", "racist", "racism", "sexist", "sexism", "bigot",
        "antisemit", "islamophob", "homophob", "transphob", "xenophob", "misogyn", "prejudice", "misinformation", "fallac",
        "stereotyp", "myth", "debunk", "untrue", "disproven", "falsehood",
    ];

    /// <summary>Phrases that mark counter-speech or reporting of hate rather than hate itself.</summary>
    public static readonly string[] Counter =
    [
        "bigot", "misguided", "call out", "calling out", "unacceptable", "shows how", "shows that", "stop saying", "if you say",
        "saying that", "saying things like", "you say", "said that", "say stuff like", "statements like", "how can you",
        "condemn", "hateful", "not okay", "not ok", "should be ashamed", "is wrong", "are wrong", "so wrong", "makes you",
        "no place for", "in our society", "you just", "quote", "racist", "sexist", "homophobic", "transphobic", "ableist",
        "why would you", "don't ever", "never say", "reported", "report", "what makes you", "mean to say", "you said", "like me",
    ];

    /// <summary>The counter-speech phrases that judge hostility: denied ("not racist"), they defend it instead.</summary>
    public static readonly HashSet<string> Judgements =
    [
        "bigot", "misguided", "unacceptable", "condemn", "hateful", "not okay", "not ok", "should be ashamed", "is wrong", "are wrong",
        "so wrong", "racist", "sexist", "homophobic", "transphobic", "ableist",
    ];

    /// <summary>Words after "US" that make it the country: "US states", "the US army".</summary>
    public static readonly HashSet<string> AfterTheCountry =
    [
        "state", "states", "army", "government", "president", "presidents", "congress", "senate", "military", "navy", "citizens",
        "citizen", "dollar", "supreme", "court", "courts", "law", "laws", "history", "census", "population", "economy", "policy",
        "immigration", "troops", "soldiers", "officials", "federal", "constitution", "cities", "city",
    ];

    /// <summary>Words before "I" that make it a numeral: a war, or a ruler's name ("Edward I", "World War I").</summary>
    public static readonly HashSet<string> BeforeTheNumeral =
    [
        "war", "edward", "henry", "charles", "james", "elizabeth", "william", "george", "mary", "richard", "john", "louis", "peter",
        "napoleon", "frederick", "philip", "ferdinand", "alexander", "nicholas", "catherine", "isabella", "leo", "gregory", "pius",
        "francis", "wilhelm", "victor", "manuel", "sebastian", "selim", "suleiman", "mehmed", "otto", "rudolf", "leopold", "joseph",
    ];

    public static readonly string[] Negations = ["not", "don't", "dont", "do not", "never", "no", "isn't", "aren't", "doesn't", "didn't", "won't", "nobody", "none", "cannot", "opposite"];
}
