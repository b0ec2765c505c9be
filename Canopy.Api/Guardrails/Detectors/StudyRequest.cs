using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Verbs of study in the languages of <see cref="HarmLexicon"/>: a student asking how to write, analyse, explain, cite,
/// summarise, describe or find figures about a harm ("Comment puis-je analyser le thème du meurtre dans Macbeth ?") asks
/// for an essay, not the harm. Written from each language's everyday words, not from any dataset. A request that only
/// names its purpose ("… pour mon exposé") is not one: the verb must be there; nor is a long text, or one that also asks
/// how the thing is made or for steps ("I am writing a paper and need to know how meth is made").
/// </summary>
public static class StudyRequest
{
    private static readonly TermSet Verbs = new(
    [
        // French
        "écrire", "rédiger", "analyser", "expliquer", "citer", "résumer", "étudier", "comprendre", "présenter", "comparer",
        "décrire", "commenter", "traduire", "calculer", "trouver des statistiques", "trouver des données", "trouver des sources", "trouver des chiffres",
        // German
        "schreiben", "verfassen", "analysieren", "erklären", "zitieren", "zusammenfassen", "verstehen", "präsentieren",
        "vergleichen", "beschreiben", "übersetzen", "darstellen", "berechnen", "zeigen, warum",
        // Spanish
        "escribir", "redactar", "analizar", "explicar", "citar", "resumir", "estudiar", "entender", "comprender", "presentar",
        "comparar", "describir", "traducir", "calcular", "encontrar datos", "encontrar estadísticas", "encontrar fuentes",
        // Italian
        "scrivere", "redigere", "analizzare", "spiegare", "riassumere", "studiare", "capire", "presentare", "confrontare",
        "descrivere", "tradurre", "calcolare", "trovare dati", "trovare statistiche", "trovare fonti",
        // Portuguese
        "escrever", "analisar", "estudar", "compreender", "descrever", "traduzir", "encontrar dados",
        // Russian
        "написать", "писать", "проанализировать", "анализировать", "объяснить", "объяснять", "процитировать", "цитировать",
        "изучить", "изучать", "понять", "описать", "сравнить", "перевести", "пересказать",
        // Chinese, Japanese, Korean (matched anywhere: no spaces between words)
        "写", "寫", "分析", "解释", "解釋", "引用", "总结", "總結", "研究", "理解", "書け", "書く", "書き", "説明", "要約",
        "쓰는", "쓸", "써야", "분석", "설명", "인용", "요약", "연구",
        // Vietnamese, Indonesian, Javanese, Swahili
        "viết", "phân tích", "giải thích", "trích dẫn", "tóm tắt", "nghiên cứu", "tìm hiểu",
        "menulis", "menganalisis", "menjelaskan", "mengutip", "meringkas", "meneliti", "memahami", "nulis",
        "kuandika", "kuchambua", "kueleza", "kufupisha", "kutafiti", "kuelewa",
        // Arabic, Thai, Hindi, Bengali
        "أكتب", "كتابة", "تحليل", "أشرح", "شرح", "اقتباس", "تلخيص", "فهم",
        "เขียน", "วิเคราะห์", "อธิบาย", "อ้างอิง", "สรุป",
        "लिखूँ", "लिखें", "लिखना", "विश्लेषण", "समझाऊँ", "समझाएं", "समझना",
        "লিখব", "লিখতে", "বিশ্লেষণ", "ব্যাখ্যা",
    ]);

    // Making, producing or steps, in the same languages: a cover story asks for these.
    private static readonly TermSet Making = new(
    [
        "fabri*", "produire", "produit*", "étape par étape", "herstell*", "schritt für schritt", "producir", "paso a paso",
        "produrre", "passo dopo passo", "produzir", "passo a passo", "производ*", "изготов*", "пошагов*",
        "制作", "制造", "製造", "产生", "生产", "生產", "分步骤", "一步一步", "作り方", "手順", "만드는", "만들", "단계별",
        "sản xuất", "chế tạo", "từng bước", "langkah demi langkah", "nggawe", "kutengeneza", "hatua kwa hatua",
        "صنع", "تصنيع", "خطوة بخطوة", "ผลิต", "ทีละขั้นตอน", "बनाने", "बनाएं", "তৈরি",
    ]);

    /// <summary>
    /// Whether the prepared text is a short question (one or two sentences) that asks to write, analyse, explain, cite,
    /// summarise or describe something, and not how it is made or for steps.
    /// </summary>
    public static bool Matches(string prepared) => prepared.Length <= MaxLength && Verbs.IsMatch(prepared) && !Making.IsMatch(prepared);

    private const int MaxLength = 200;
}
