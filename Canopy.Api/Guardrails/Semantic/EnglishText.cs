using System.Text.RegularExpressions;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// Whether the semantic classifiers can read a text: the token vectors come from an English model, so on other
/// languages their scores mean little and the classifiers abstain (the pattern detectors still apply).
/// </summary>
public static partial class EnglishText
{
    private static readonly HashSet<string> English =
    [
        "the", "a", "an", "to", "of", "and", "is", "in", "how", "what", "i", "you", "can", "do", "for", "it", "that", "this",
        "my", "me", "with", "be", "are", "on", "or", "not", "your", "why", "which", "who", "when", "where", "should", "would",
        "could", "will", "if", "from", "as", "at", "by", "have", "has", "was", "were", "there", "their", "about", "some", "any",
        "does", "did", "please", "give", "tell", "write", "make", "get", "way", "best",
    ];

    // Frequent function words of French, German, Spanish, Italian, Portuguese and Dutch.
    private static readonly HashSet<string> European =
    [
        "le", "la", "les", "des", "est", "et", "je", "que", "qui", "une", "pour", "dans", "pas", "vous", "sur", "avec", "ce",
        "il", "der", "die", "das", "und", "ist", "ich", "nicht", "ein", "eine", "zu", "mit", "sie", "es", "wie", "was", "den",
        "el", "los", "las", "y", "para", "por", "con", "una", "del", "lo", "se", "che", "di", "non", "per", "sono", "un", "da",
        "como", "muito", "não", "você", "wat", "het", "een", "niet",
    ];

    // Indonesian, Javanese and Swahili: written in plain Latin letters, they read as English without their own words.
    private static readonly HashSet<string> WithLearnedLatinLanguages =
    [
        .. European,
        "yang", "dan", "dari", "untuk", "dengan", "ini", "itu", "tidak", "saya", "anda", "bagaimana", "cara", "adalah",
        "akan", "bisa", "dalam", "pada", "atau", "juga", "kamu", "agar", "supaya", "tanpa", "membuat", "aku", "ada",
        "harus", "sudah", "jika", "kalau", "karena", "seperti", "orang", "mereka", "kami", "kita", "bagi", "oleh",
        "tentang", "tolong", "berikan", "jelaskan", "gimana", "nggak", "gak", "ke", "apa", "apakah", "mau", "ingin",
        "bikin", "kowe", "sing", "lan", "ing", "karo", "ora", "iku", "iki", "kanggo", "piye", "kepiye", "carane", "arep",
        "nganggo", "marang", "saka", "yen", "banjur", "uga", "mung", "kudu", "sampeyan", "panjenengan", "dhewe", "nang",
        "neng", "utawa", "amarga", "kuwi", "kae", "opo", "ono", "wis", "isa", "na", "ya", "wa", "kwa", "ni", "za",
        "katika", "jinsi", "gani", "nini", "kuna", "hii", "hiyo", "yangu", "wangu", "mimi", "wewe", "sana", "bila", "kama",
        "lakini", "au", "pia", "kwamba", "ili", "huu", "hizi", "nataka", "nipe", "tafadhali", "niambie", "kufanya",
        "kutengeneza", "nani", "vipi", "cha", "vya",
    ];

    /// <summary>Whether the English classifiers read the text, and learn from it.</summary>
    public static bool IsEnglish(string text) => IsEnglish(text, European);

    /// <summary>
    /// Whether the harm classifier's English stages read a request rather than its reader of other languages, which
    /// learned Indonesian, Javanese and Swahili: those, which <see cref="IsEnglish(string)"/> takes for English, go to it.
    /// </summary>
    public static bool IsEnglishRequest(string text) => IsEnglish(text, WithLearnedLatinLanguages);

    private static bool IsEnglish(string text, HashSet<string> other)
    {
        int letters = 0, ascii = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c < 128) ascii++;
        }
        if (letters == 0) return true;
        if (ascii < letters * 0.9) return false;
        int english = 0, others = 0;
        foreach (var m in Word().EnumerateMatches(text))
        {
            var word = text.AsSpan(m.Index, m.Length).ToString().ToLowerInvariant();
            if (English.Contains(word)) english++;
            else if (other.Contains(word)) others++;
        }
        return english >= others;
    }

    /// <summary>The script most of the text's letters are written in ("latin", "han", "arabic", ...), for telemetry.</summary>
    public static string Script(string text)
    {
        var counts = new Dictionary<string, int>();
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            var script = ScriptOf(c);
            counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        return counts.Count == 0 ? "none" : counts.MaxBy(p => p.Value).Key;
    }

    // Unicode blocks of the scripts requests are most often written in; the rest count as "other".
    private static string ScriptOf(char c) => c switch
    {
        <= '\u024F' or (>= '\u1E00' and <= '\u1EFF') => "latin",
        >= '\u0370' and <= '\u03FF' => "greek",
        >= '\u0400' and <= '\u052F' => "cyrillic",
        >= '\u0590' and <= '\u05FF' => "hebrew",
        (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') => "arabic",
        >= '\u0900' and <= '\u097F' => "devanagari",
        >= '\u0980' and <= '\u09FF' => "bengali",
        >= '\u0E00' and <= '\u0E7F' => "thai",
        (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') or (>= '\uAC00' and <= '\uD7AF') => "hangul",
        >= '\u3040' and <= '\u30FF' => "kana",
        (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') => "han",
        _ => "other",
    };

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
