using System.Text.RegularExpressions;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Hate, abuse and profanity: hostility aimed at a protected group (hate, threats, slurs) blocks; insults and
/// profanity are flagged. Matching undoes obfuscation and tolerates one typo in long words (a word the vocabulary
/// knows is no typo: "handed" is not "hanged"); negation ("I don't hate ..."), counter-speech and quoting, homonyms
/// of slurs, and violence told rather than wished ("the robbers shot a teller") are let through.
/// </summary>
public sealed partial class HapDetector(MiniLmTokens vocabulary) : IGuardrailDetector
{
    public HapDetector(SemanticModels models) : this(models.Embedder.Tokens)
    {
    }

    public const string DetectorName = "hap";

    public string Name => DetectorName;

    public IReadOnlySet<GuardrailStage> Stages { get; } = new HashSet<GuardrailStage> { GuardrailStage.Input, GuardrailStage.Output };

    public IEnumerable<Detection> Detect(string text, GuardrailStage stage)
    {
        var plain = TextNormalizer.Deobfuscate(text);
        // Short messages are judged as a whole ("Women think they're special. I hate them."); long ones per sentence.
        // Answer options are separate statements: "the sick" in option A says nothing of "women" in option B.
        var units = (plain.Length <= 300 ? [plain] : SentenceEnd().Split(plain)).SelectMany(u => AnswerOption().Split(u));
        var worst = units.Select(Judge).Where(j => j is not null).OrderByDescending(j => j!.Value.Score).FirstOrDefault();
        return worst is { } found ? [new Detection(Name, found.Category, found.Score, found.Action)] : [];
    }

    private (string Category, double Score, GuardrailAction Action)? Judge(string unit)
    {
        // "ihate" comes from "I hate" with the space lost or the letters spaced out: split it back.
        var tokens = Words().Matches(unit).Select(m => m.Value.EndsWith("'s") ? m.Value[..^2] : m.Value)
            .SelectMany(t => t.Length > 4 && t[0] == 'i' && HapLexicon.Hostile.Contains(t[1..]) ? new[] { "i", t[1..] } : [t]).ToArray();
        if (tokens.Length == 0) return null;
        // "the US", "US states": the country, not the speaker ("us"); "Edward I", "World War I": a numeral, not "I".
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] == "us" && (i > 0 && tokens[i - 1] == "the" || i + 1 < tokens.Length && HapLexicon.AfterTheCountry.Contains(tokens[i + 1])))
                tokens[i] = "usa";
            if (tokens[i] == "i" && i > 0 && HapLexicon.BeforeTheNumeral.Contains(tokens[i - 1]))
                tokens[i] = "one";
        }
        var joined = " " + string.Join(' ', tokens) + " ";
        var groups = GroupPositions(tokens);
        var hasGroup = groups.Count > 0;
        // Whose view it is matters only once a slur or hostility near a group is found: most sentences never pay for it.
        HapStance? stance = null;
        HapStance Stance() => stance ??= HapStance.Of(tokens, joined, unit);
        if (SlurIndices(tokens).Any(i => !OtherSense(tokens, i) && !Reclaimed(tokens, i)) && !Stance().Counter)
            return ("slur", 0.9, GuardrailAction.Block);

        // Hostility counts when it is near the group it would be aimed at, not anywhere in a long passage about it.
        bool NearGroup(int i) => groups.Any(g => Math.Abs(g - i) <= GroupWindow);
        var hostile = Enumerable.Range(0, tokens.Length).Where(i => Near(tokens[i], HapLexicon.Hostile, 4) && !Negated(tokens, i) && NearGroup(i)
            && (!HapLexicon.Violence.Contains(tokens[i]) || Wished(tokens, i))
            && !(HapLexicon.Removal.Contains(tokens[i]) && groups.Any(g => Qualified(tokens, g, i)))).ToList();
        var negatedPositive = Enumerable.Range(0, tokens.Length).Any(i => HapLexicon.Positive.Contains(tokens[i]) && Negated(tokens, i) && NearGroup(i));
        if (hasGroup && (hostile.Count > 0 || negatedPositive) && Directed(tokens, joined) && !Stance().NotTheSpeakers)
            return (Threat(tokens) ? "threat" : "hate", 0.9, GuardrailAction.Block);

        if (Insult().IsMatch(joined)) return ("abuse", 0.7, GuardrailAction.Flag);
        if (tokens.Any(t => HapLexicon.Profanity.Contains(t) || HapLexicon.Profanity.Contains(TextNormalizer.Squeeze(t))))
            return ("profanity", 0.6, GuardrailAction.Flag);
        return null;
    }

    private const int GroupWindow = 6;

    /// <summary>Where the text names a protected group (one- or two-word names, one typo tolerated in long words).</summary>
    private List<int> GroupPositions(string[] tokens)
    {
        var positions = new List<int>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (Near(tokens[i], HapLexicon.Groups, 5)
                || i + 1 < tokens.Length && GroupPhrases.Contains(tokens[i] + " " + tokens[i + 1])
                || i + 2 < tokens.Length && GroupPhrases.Contains(tokens[i] + " " + tokens[i + 1] + " " + tokens[i + 2]))
                positions.Add(i);
        }
        return positions;
    }

    private static readonly HashSet<string> GroupPhrases = [.. HapLexicon.Groups.Where(g => g.Contains(' '))];

    // The speaker's own stance, a statement about the group, a call to action, or a question framing one.
    private static bool Directed(string[] tokens, string joined) =>
        tokens.Any(t => t is "i" or "we" or "i'm" or "im" or "i've" or "me" or "my" or "us" or "let's")
        || Stance().IsMatch(joined);

    // Violence against a group is hate when the speaker wants it: first person, a modal or "deserve", or a command.
    private static bool Wished(string[] tokens, int index) =>
        index == 0 || tokens.Any(t => t is "i" or "we" or "i'm" or "im" or "let's" or "lets" or "us" or "should" or "must" or "deserve" or "deserves"
            or "ought" or "gonna" or "need" or "needs" or "will" or "i'll" or "we'll" or "want" or "wish" or "hope");

    // Removal of some of a group is law and policy ("immigrants who commit serious crimes be deported"), not hate of it.
    private static bool Qualified(string[] tokens, int group, int removal) =>
        Enumerable.Range(group + 1, Math.Max(0, Math.Min(3, removal - group - 1))).Any(j => HapLexicon.Qualifiers.Contains(tokens[j]));

    private static bool Threat(string[] tokens) =>
        tokens.Any(t => t is "kill" or "killed" or "murder" or "murdered" or "die" or "shoot" or "shot" or "hang" or "lynch"
            or "exterminate" or "exterminated" or "slaughter" or "execute" or "executed" or "eradicate" or "eliminate" or "stab" or "hurt" or "end");

    private static IEnumerable<int> SlurIndices(string[] tokens) =>
        Enumerable.Range(0, tokens.Length).Where(i => HapLexicon.Slurs.Contains(SlurForm(tokens[i])));

    private static string SlurForm(string token) => HapLexicon.Slurs.Contains(token) ? token : TextNormalizer.Squeeze(token);

    // The word in its other sense: a word of that sense anywhere in the sentence ("a basalt dyke"), or for an adjective
    // the noun it qualifies there within the next few words ("retarded potentials", "retarded and advanced Green's functions").
    // A slur said to someone ("you dyke") has no other sense, whatever else the sentence names.
    private static bool OtherSense(string[] tokens, int slur) =>
        !(slur > 0 && tokens[slur - 1] is "you" or "u" or "ya" or "ur")
        && (HapLexicon.OtherSenses.TryGetValue(SlurForm(tokens[slur]), out var context) && tokens.Any(context.Contains)
            || HapLexicon.AdjectiveSenses.TryGetValue(SlurForm(tokens[slur]), out var nouns)
                && tokens.Skip(slur + 1).Take(AdjectiveReach).Any(nouns.Contains));

    private const int AdjectiveReach = 3;

    private static bool Reclaimed(string[] tokens, int slur)
    {
        var before = string.Join(' ', tokens[Math.Max(0, slur - 4)..slur]);
        return Regex.IsMatch(before, @"\b(i'm|im|i am|we are|we're|as a|call myself|be a|proud)\b");
    }

    // "not", "never", "isn't" within three words before; "not just offensive" and "not only" affirm rather than deny.
    internal static bool Negated(string[] tokens, int index)
    {
        for (var i = Math.Max(0, index - 3); i < index; i++)
        {
            if ((HapLexicon.Negations.Contains(tokens[i]) || tokens[i].EndsWith("n't"))
                && !(i + 1 < index && tokens[i + 1] is "just" or "only" or "merely" or "simply")) return true;
        }
        return false;
    }

    private static readonly FuzzyLexicon HostileWords = new(HapLexicon.Hostile, 4);
    private static readonly FuzzyLexicon GroupWords = new(HapLexicon.Groups, 5);

    private readonly Func<string, bool> _isKnownWord = vocabulary.IsKnownWord;

    private bool Near(string token, string[] lexicon, int minLength) =>
        (ReferenceEquals(lexicon, HapLexicon.Hostile) ? HostileWords : GroupWords).Contains(token, _isKnownWord);

    /// <summary>A word counts as one of the lexicon when equal, equal once stretched letters are squeezed, one transposition away, or (for long words) one edit away or glued to a neighbour.</summary>
    private sealed class FuzzyLexicon(string[] words, int minLength)
    {
        private readonly HashSet<string> _exact = [.. words];
        private readonly HashSet<string> _squeezed = [.. words.Where(w => w.Length >= minLength).Select(TextNormalizer.Squeeze)];
        private readonly string[] _long = [.. words.Where(w => w.Length >= 6 && !w.Contains(' '))];
        private readonly string[] _short = [.. words.Where(w => w.Length >= Math.Max(4, minLength) && w.Length < 6 && !w.Contains(' '))];

        public bool Contains(string token, Func<string, bool> isKnownWord)
        {
            if (_exact.Contains(token) || _squeezed.Contains(TextNormalizer.Squeeze(token))) return true;
            if (token.Length < 4 || isKnownWord(token)) return false;
            foreach (var word in _long)
            {
                // One edit leaves the first or the last letter in place, which rules out most words cheaply.
                if (Math.Abs(token.Length - word.Length) <= 1 && (token[0] == word[0] || token[^1] == word[^1]) && WithinOneEdit(token, word)) return true;
                if (token.Length > word.Length + 1 && (token.EndsWith(word, StringComparison.Ordinal) || token.StartsWith(word, StringComparison.Ordinal))) return true;
            }
            foreach (var word in _short)
            {
                if (token.Length == word.Length && Transposed(token, word)) return true;
            }
            return false;
        }
    }

    private static bool Transposed(string a, string b)
    {
        var first = 0;
        while (first < a.Length && a[first] == b[first]) first++;
        return first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first]
            && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
    }

    /// <summary>Whether the optimal-string-alignment (Damerau) distance is at most one, in one pass and without allocating.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a.Length - b.Length > 1) return false;
        var first = 0;
        while (first < b.Length && a[first] == b[first]) first++;
        if (first == b.Length) return true;
        if (a.Length > b.Length) return a.AsSpan(first + 1).SequenceEqual(b.AsSpan(first));
        // One substitution, or one swap of neighbours.
        return a.AsSpan(first + 1).SequenceEqual(b.AsSpan(first + 1))
            || first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
    }

    // Digits stay in their word: deobfuscation reads "1930s" as "i9eos", whose "i" is no speaker.
    [GeneratedRegex(@"[\p{L}0-9']+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"(?:^|\s)\(?[A-E][.)]\s+", RegexOptions.IgnoreCase)]
    private static partial Regex AnswerOption();

    [GeneratedRegex(@" (are|is|should|must|deserve|deserves|need|needs|belong|belongs|like you|like them|all|every|any|those|these|never|can't|cannot|only|so) ")]
    private static partial Regex Stance();

    [GeneratedRegex(@" you( are|'re| re)? (an? |such an? |so |fucking )?(stupid|idiot|moron|dumb|useless|worthless|pathetic|loser|imbecile|retard|bitch|asshole|jerk) ")]
    private static partial Regex Insult();
}
