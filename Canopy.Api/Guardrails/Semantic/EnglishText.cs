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

    // The Latin-letter languages the harm classifier's reader of other languages learned. Indonesian, Javanese and Swahili
    // have no word in the European list; a request in Italian, Spanish, French or German often uses none of its few words.
    // Written from each language's grammar; a few are English words too ("sing", "ya", "na"), which English text outnumbers.
    private static readonly HashSet<string> LearnedLatinLanguages =
    [
        .. European,
        // Indonesian
        "yang", "dan", "dari", "untuk", "dengan", "ini", "itu", "tidak", "saya", "anda", "bagaimana", "cara", "adalah",
        "akan", "bisa", "dalam", "pada", "atau", "juga", "kamu", "agar", "supaya", "tanpa", "membuat", "aku", "ada",
        "harus", "sudah", "jika", "kalau", "karena", "seperti", "orang", "mereka", "kami", "kita", "bagi", "oleh",
        "tentang", "tolong", "berikan", "jelaskan", "gimana", "nggak", "gak", "ke", "apa", "apakah", "mau", "ingin",
        "bikin", "aja", "biar", "udah", "sih", "dong", "nih", "kalo", "buat", "pake", "pakai", "yg", "dgn", "tapi", "saja",
        "lebih", "sangat", "banyak", "semua", "siapa", "kenapa", "mengapa", "berapa", "sama", "lagi", "masih", "belum",
        "punya", "jadi", "sebuah", "secara", "tersebut", "dapat", "hanya", "setelah", "sebelum", "terus",
        // Javanese, formal and colloquial
        "kowe", "sing", "lan", "ing", "karo", "ora", "iku", "iki", "kanggo", "piye", "kepiye", "carane", "arep", "nganggo",
        "marang", "saka", "yen", "banjur", "uga", "mung", "kudu", "sampeyan", "panjenengan", "dhewe", "nang", "neng",
        "utawa", "amarga", "kuwi", "kae", "opo", "ono", "wis", "isa", "awakmu", "koen", "seng", "nyapo", "lapo", "kok",
        "podo", "gawe", "nggawe", "uwong", "wong", "nek", "ae", "wae", "kabeh", "ngono", "ngene", "lek", "arek", "kepriye",
        "ngerti", "pengen", "ndek", "ning", "dadi", "bakal", "butuh", "sopo", "endi", "ngendi", "kapan", "mergo", "soale",
        "ojo", "saiki", "maneh", "nganti", "kanti", "seko", "teko", "supoyo", "tanpo",
        // Swahili
        "na", "ya", "wa", "kwa", "ni", "za", "katika", "jinsi", "gani", "nini", "kuna", "hii", "hiyo", "yangu", "wangu",
        "mimi", "wewe", "sana", "bila", "kama", "lakini", "au", "pia", "kwamba", "ili", "huu", "hizi", "nataka", "nipe",
        "tafadhali", "niambie", "kufanya", "kutengeneza", "nani", "vipi", "cha", "vya", "je", "ninawezaje", "nawezaje",
        "unaweza", "naweza", "kwenye", "yake", "yao", "wao", "sisi", "kuwa", "hapa", "hivyo", "kwanini", "mtu", "watu",
        "ninataka", "bora", "njia", "zaidi", "kila", "baada", "kabla", "sasa", "tena", "yako", "wako", "langu", "lako",
        "kuhusu", "jambo", "habari",
        // Italian
        "posso", "puoi", "può", "faccio", "voglio", "vorrei", "devo", "perché", "perche", "cosa", "quale", "quali", "quando",
        "della", "dello", "delle", "degli", "nel", "nella", "alla", "dei", "dalla", "gli", "questo", "questa", "quello",
        "quella", "mio", "mia", "miei", "tuo", "tua", "suo", "sua", "lei", "loro", "hai", "essere", "qualcuno", "qualcosa",
        "anche", "senza", "tutti", "molto", "sul", "sulla",
        // Spanish
        "cómo", "qué", "puedo", "puedes", "hacer", "quiero", "mi", "tu", "en", "al", "su", "pero", "más", "muy", "este",
        "esta", "esto", "eso", "alguien", "también", "mis", "tus", "cuál", "cuando", "dónde", "donde", "porque", "sobre",
        "te", "ser", "tengo", "tiene", "hola", "gracias", "algo", "necesito", "debo",
        // French
        "pourquoi", "quoi", "moi", "toi", "mon", "mes", "du", "aux", "ne", "quel", "quelle", "faire", "peux", "peut", "mais",
        "ou", "où", "très", "cette", "cet", "ces", "ses", "nous", "leur", "elle", "sont", "suis", "avez", "être", "fais",
        "bonjour", "merci", "chez", "sans", "comme", "veux", "veut", "dois", "doit", "aussi", "tout", "tous", "ça", "sais",
        // German
        "mir", "mich", "dich", "du", "kann", "kannst", "einen", "einem", "einer", "mein", "meine", "meinen", "meinem", "dein",
        "deine", "auf", "für", "dem", "bei", "nach", "aus", "auch", "wenn", "dass", "oder", "aber", "wir", "ihr", "sich",
        "noch", "nur", "schon", "habe", "hast", "sind", "wird", "werden", "kein", "keine", "warum", "wer", "welche",
        "welcher", "bitte", "gibt", "jemand", "jemanden", "jemandem", "soll", "sollte", "muss", "wo",
    ];

    /// <summary>Whether the English classifiers read the text, and learn from it.</summary>
    public static bool IsEnglish(string text) => IsEnglish(text, European);

    /// <summary>
    /// Whether the harm classifier's English stages read a request rather than its reader of other languages: a request
    /// with more words of the Latin-letter languages that reader learned than of English goes to it, though
    /// <see cref="IsEnglish(string)"/> takes many such requests (those with few or none of the European words) for English.
    /// </summary>
    public static bool IsEnglishRequest(string text) => IsEnglish(text, LearnedLatinLanguages);

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
