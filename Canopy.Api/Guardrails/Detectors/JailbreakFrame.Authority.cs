using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails;

/// <summary>
/// A claim of standing over the assistant: its developer, creator, owner or operator speaking; a privileged mode,
/// clearance or credential declared in effect; a message dressed as the system's or the operator's; a court or the
/// police demanding what the assistant holds. No student needs the assistant to believe any of these, and a student
/// who is a developer, an admin or a police officer says so of something else ("I'm the developer of our club's
/// website", "developer mode on my phone").
/// </summary>
public static partial class JailbreakFrame
{
    private const string Assistant = @"(assistant|bot|chatbot|ai|model|llm|deployment|instance|tool)";
    private const string Maker = @"(developer|dev|creator|maker|programmer|owner|operator|admin|administrator|sysadmin|trainer|designer|engineer|maintainer|master|god)";
    private const string Privileged = @"(developer|dev|admin|administrator|debug|diagnostic|maintenance|override|god|test|testing|sudo|root|superuser|privileged|unrestricted|raw|kernel|jailbreak|elevated|staff)";
    // Modes a student turns on for a reason of their own ("debug mode", "test mode" of a payment sandbox) are not declared.
    private const string Declared = @"(developer|dev|admin|administrator|diagnostic|maintenance|override|god|sudo|root|superuser|privileged|unrestricted|jailbreak|elevated)";
    private const string InEffect = @"(on|enabled|active|activated|engaged|granted|unlocked|turned on|accepted|verified|confirmed|validated|initiated|loaded)";
    private const string Built = @"(created|built|programmed|coded|trained|fine-tuned|finetuned|deployed|designed|developed)";

    // Each pattern opens on its own words and runs only where one stands: one alternation over the whole text cost 1.6 ms.
    private static readonly Cue[] AuthorityCues =
    [
        new("claimed_authority", YourMaker(), "your", " ur "),
        new("claimed_authority", MadeYou(), "created", "built", "programm", "coded", "trained", "tuned", "deployed", "designed", "developed",
            "made", "maintains", "owns", "runs", "wrote", "set up"),
        new("claimed_authority", MakerOfThis(), "dev", "creator", "maker", "programmer", "owner", "operator", "admin", "trainer", "designer",
            "engineer", "maintainer", "master", "god", "authority", "control", "privileges"),
        new("claimed_authority", ModeInEffect(), "mode", "access", "override", "privilege"),
        new("claimed_authority", CredentialAccepted(), "accepted", "verified", "confirmed", "validated", "granted", "enabled", "unlocked"),
        new("claimed_authority", DressedAsSystem(), "[", "<", "#", "system", "sys>>", "admin", "operator", "developer", "root", "sudo", "priority",
            "this is", " here", "from the", "from system", "from operator", "from admin", "from development", "from developers"),
        new("claimed_authority", OfficialDemand(), "police", "sheriff", "federal agent", "fbi", "detective", "court", "judge", "warrant", "subpoena",
            "law enforcement"),
    ];

    // "I'm your developer", "as your creator", "speaking as your trainer", "your administrator has enabled".
    [GeneratedRegex(@"(?<=\b(i am|i'm|im|i was|this is|speaking as|as|talking to|talk to)( \w+){0,2} )(your|ur) " + Maker + @"s?\b(?! (friend|tells?|said|says)\b)"
        + @"|\b(your|ur) " + Maker + @"s? (has|have) (just )?(enabled|granted|authori[sz]ed|unlocked|activated|turned on|approved|cleared|switched)\b")]
    private static partial Regex YourMaker();

    // "I created you", "the team that fine-tuned you", "the company that owns this assistant".
    [GeneratedRegex(@"(?<=\b(i|we) (just )?" + Built + @") you\b(?! (a|an|some|this|these|the|my|our)\b)"
        + @"|(?<=\b(i am|i'm|im|i work|we are|we're|as)( \w+){0,6} (company|team|lab|engineers?|developers?|programmers?|people|one|guy|person|vendor|org|organi[sz]ation)s? (that|who|which) (created|built|programmed|coded|trained|fine-tuned|finetuned|deployed|designed|developed|made|maintains|owns|runs|wrote|set up)) (you|your|this (\w+ )?" + Assistant + @")\b")]
    private static partial Regex MadeYou();

    // "I'm the lead developer of this chatbot", "I have authority over this tool".
    [GeneratedRegex(@"(?<=\b(i am|i'm|im|as)( \w+){0,2} (the|an?|one of the)( \w+){0,2} " + Maker + @"s? (of|for|behind) (this|the) )((\w+ )?" + Assistant + @"|system prompt)\b"
        + @"|(?<=\b(i have|i've got|i hold|with) (full |special |total |admin |complete )?(authority|control|admin rights|privileges) )over (you|this " + Assistant + @")\b")]
    private static partial Regex MakerOfThis();

    // A privileged mode in effect: at the message's or a sentence's start ("Override mode: enabled."), said of the
    // assistant ("you are now in admin mode"), for this conversation, or turned on so that the assistant may do something.
    [GeneratedRegex(@"(?<=(^[\W_]*|[.!?\n] )(\w+ ){0,2}" + Declared + @") (mode|access|override|privileges?)( is| has been| now|:)*[: ]" + InEffect + @"([.!:;]|$| for this\b)"
        + @"|(?<=\b(you('re| are)|assistant( is)?|ai( is)?|bot( is)?|model( is)?)( now)?( running| operating)? in (\w+ ){0,2}" + Privileged + @") mode\b"
        + @"|(?<=\b" + Privileged + @") (mode|access|privileges?|override)( (has been|have been|is|are))? (now )?" + InEffect + @" (for|in) (this|the current|our) (conversation|session|chat)\b"
        + @"|(?<=\b(turned on|enabled|activated|switched on|unlocked) (\w+ ){0,2}" + Declared + @") mode\b[^.]{0,40}\byou\b")]
    private static partial Regex ModeInEffect();

    // "Authorization code 7781 accepted", "clearance level 5 verified", "root access granted", "granted staff privileges";
    // not "my access code was accepted".
    [GeneratedRegex(@"(?<=\b(?<!\b(my|our|his|her|their) )(authori[sz]ation|access|admin|override|security|operator|developer|staff)( \w+)? (code|token|credentials?|key|clearance)\b[^.!?\n]{0,30}?)\b(accepted|verified|confirmed|validated|granted)\b"
        + @"|(?<=\bclearance (level )?\w+ )(verified|confirmed|granted|accepted)\b|(?<=\b(root|admin|superuser|sudo) (access|privileges|rights) )(granted|enabled|unlocked)\b"
        + @"|\bgranted (\w+ )?(staff|admin|root|superuser|elevated|developer|operator|sudo) (privileges|access|rights|status)\b")]
    private static partial Regex CredentialAccepted();

    // A message dressed as the system's or the operator's: a tag or a header that opens it, or an operator's order.
    [GeneratedRegex(@"^(\W{0,3}(\[|<{1,2}|#{2,} ?)(system|sys|admin|administrator|root|override|operator|developer|dev|diagnostic|maintenance|privileged|security|sudo)\b[^\]>#\n]{0,50}(\]|>|#{2,})"
        + @"|\W*(system|admin|operator|developer) (message|notice|alert|override|instruction)s?\b|\W*sudo (give|tell|show|print|write|list|reveal|explain|answer|ignore|disable|enable|do)\b"
        + @"|\W*((hi|hello|hey|good (morning|afternoon|evening)),? )?this is (the|your)( \w+){0,3} " + Maker + @"s?\b|\W*" + Maker + @" here\b)"
        + @"|<<sys>>|(?<=\b(admin|operator|developer|root|sudo)) (command|override|instruction|directive|message)s? ?:"
        + @"|(?<=\b(operator|admin|administrator|developer|system) (instruction|command|directive|override|message|policy)s?\b[^.]{0,30}\b(higher|highest|top) )priority\b|\bpriority (instruction|command|order)s? from the\b"
        + @"|(?<=\b(message|notice|instruction)s? (comes? |is )?)from (the )?(system|operator|administrator|admin|development team|developers)( process| console)?\b[^.]{0,40}\b(you|assistant|comply|must)\b")]
    private static partial Regex DressedAsSystem();

    // The police or a court demanding what the assistant holds.
    [GeneratedRegex(@"\b(this is (the )?(law enforcement|police)|(police|sheriff'?s?) (department|here)|i('m| am) (a|an) (federal agent|fbi agent|police officer|detective)|by order of (the |a )?(\w+ )?court|judge'?s order|court order|we have a (warrant|subpoena))\b[\s\S]{0,200}?\b(hand over|release|provide|reveal|disclose|give (us|me)|tell (us|me)|send (us|me)|cooperate|compelled|required to)\b")]
    private static partial Regex OfficialDemand();
}
