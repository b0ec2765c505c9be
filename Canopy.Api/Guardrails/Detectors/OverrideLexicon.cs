using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Instruction override and prompt extraction in the languages students most often write in besides English, where
/// the phrasing patterns and the injection classifier do not read: a request to dismiss (ignore, forget, disregard)
/// the earlier (previous, above, all) instructions or rules, all three in one language; or to show, print or repeat
/// the system prompt or "your instructions". Written from each language's common words, not from any dataset. A word
/// for "question", "example" or "message" is no instruction, so a student correcting themselves ("Vergiss meine letzte
/// Frage") passes, and naming the system prompt without asking for it ("¿Cómo protegen las empresas su prompt del
/// sistema?") passes. Of the words to dismiss, only Spanish and Portuguese "ignore" is also English, and it counts only beside that
/// language's words for "earlier" and "instructions" ("Ignore as instruções anteriores"; of those, only "anterior" and
/// "prompt" are English too): English is the patterns' and the
/// injection classifier's, which read who is told what. Terms are as in <see cref="HarmLexicon"/>: "*" marks a stem; Chinese, Japanese, Thai and Arabic
/// terms match anywhere.
/// </summary>
public static class OverrideLexicon
{
    /// <param name="NotDismiss">"Don't forget": a teacher's reminder, never an override.</param>
    public sealed record Language(string Code, string[] Dismiss, string[] Earlier, string[] Instructions, string[] Reveal, string[] SystemPrompt, string[] NotDismiss);

    public static readonly Language[] Languages =
    [
        new("de",
            ["ignorier*", "vergiss", "vergesst", "vergessen sie", "missacht*", "überspring*", "verwirf", "verwerfen sie", "hör nicht auf", "höre nicht auf", "hören sie nicht auf"],
            ["vorherig*", "bisherig*", "obig*", "vorig*", "früher*", "vorangegangen*", "zuvor", "davor", "alle", "alles", "sämtliche*"],
            ["anweisung*", "instruktion*", "befehl*", "regeln", "vorgaben", "richtlinien", "prompt*", "systemprompt*", "gesagte*", "eingabeaufforderung*"],
            ["zeig*", "ausgeben", "gib", "druck*", "wiederhol*", "verrat*", "nenn*", "offenleg*", "schreib*", "kopier*"],
            ["systemprompt*", "system-prompt*", "systemanweisung*", "deine anweisungen", "deine ursprünglichen anweisungen", "deinen prompt", "obige eingabeaufforderung", "versteckten anweisungen"],
            ["vergiss nicht", "nicht vergessen", "vergesst nicht", "vergessen sie nicht"]),
        new("fr",
            ["ignorez", "ignorer", "oublie", "oubliez", "oublier", "ne tiens pas compte", "ne tenez pas compte", "fais abstraction", "faites abstraction"],
            ["précédent*", "antérieur*", "ci-dessus", "au-dessus", "toutes", "tous", "tout ce qui", "initiale", "initiales"],
            ["instruction*", "consigne*", "règles", "directive*", "ordres", "prompt*", "commandes"],
            ["affiche*", "montre*", "révèle*", "répète*", "répéter", "répétez", "imprime*", "écris", "écrivez", "donne-moi", "donnez-moi", "copie*", "recopie*"],
            ["prompt système", "prompt du système", "prompt système", "instructions système", "tes instructions", "vos instructions", "tes consignes", "vos consignes", "instructions initiales", "instructions cachées", "tout ce qui est écrit avant", "le texte ci-dessus", "le texte au-dessus"],
            ["n'oublie pas", "n'oubliez pas", "ne pas oublier", "sans oublier"]),
        new("es",
            ["ignora", "ignorar", "ignore", "ignoren", "olvida", "olvide", "olvidar", "olviden", "descarta", "descarte", "haz caso omiso", "no hagas caso"],
            ["anterior*", "previa", "previas", "previo", "previos", "de arriba", "todas", "todo", "iniciales", "originales"],
            ["instruccion*", "instrucción", "indicacion*", "indicación", "reglas", "órdenes", "directriz*", "directrices", "prompt*", "comandos"],
            ["muestra*", "muéstrame", "revela*", "repite*", "imprime*", "escribe*", "dime", "copia*", "enseña*"],
            ["prompt del sistema", "prompt de sistema", "mensaje del sistema", "instrucciones del sistema", "tus instrucciones", "sus instrucciones", "instrucciones iniciales", "instrucciones ocultas"],
            ["no olvides", "no olvide", "no olviden", "sin olvidar"]),
        new("it",
            ["ignora", "ignori", "ignorare", "dimentica", "dimentichi", "dimenticare", "non considerare", "trascura", "tralascia"],
            ["precedent*", "sopra", "tutte", "tutto", "iniziali", "originali", "prima"],
            ["istruzion*", "regole", "direttiv*", "ordini", "indicazion*", "prompt*", "comandi"],
            ["mostra*", "rivela*", "ripeti*", "stampa*", "scrivi*", "dimmi", "copia*"],
            ["prompt di sistema", "prompt del sistema", "istruzioni di sistema", "le tue istruzioni", "tue istruzioni", "istruzioni iniziali", "istruzioni nascoste", "istruzioni che hai ricevuto"],
            ["non dimenticare", "non dimenticate", "non dimentichi", "senza dimenticare"]),
        new("pt",
            ["ignora", "ignorar", "ignore", "esqueça", "esqueca", "esquece", "esquecer", "desconsidere", "desconsidera", "descarte"],
            ["anterior*", "prévia", "prévias", "prévio", "prévios", "acima", "todas", "tudo", "iniciais", "originais"],
            ["instruç*", "instruc*", "regras", "ordens", "diretriz*", "diretrizes", "prompt*", "comandos", "orientaç*"],
            ["mostre*", "mostra*", "revele*", "revela*", "repita*", "repete*", "imprima*", "escreva*", "diga*", "copie*"],
            ["prompt do sistema", "prompt de sistema", "instruções do sistema", "suas instruções", "tuas instruções", "instruções iniciais", "instruções ocultas"],
            ["não esqueça", "nao esqueca", "não esqueças", "não se esqueça", "sem esquecer"]),
        new("el",
            ["αγνόησε", "αγνοησε", "αγνοήστε", "αγνοηστε", "ξέχασε", "ξεχασε", "ξεχάστε", "ξεχαστε", "παράβλεψε", "παραβλεψε", "παραβλέψτε", "παραβλεψτε"],
            ["προηγούμεν*", "προηγουμεν*", "παραπάνω", "παραπανω", "όλες", "ολες", "όλα", "ολα", "αρχικ*"],
            ["οδηγί*", "οδηγι*", "εντολ*", "κανόν*", "κανον*", "prompt*"],
            ["δείξε", "δειξε", "δείξτε", "δειξτε", "εμφάνισε", "εμφανισε", "επανάλαβε", "επαναλαβε", "αποκάλυψε", "αποκαλυψε", "γράψε", "γραψε", "τύπωσε", "τυπωσε", "πες μου"],
            ["μήνυμα συστήματος", "μηνυμα συστηματος", "οδηγίες συστήματος", "οδηγιες συστηματος", "prompt συστήματος", "τις οδηγίες σου", "τις οδηγιες σου", "αρχικές οδηγίες", "κρυφές οδηγίες"],
            ["μην ξεχάσεις", "μην ξεχασεις", "μην ξεχνάς", "μην ξεχνας", "μην ξεχάσετε", "μην ξεχνάτε"]),
        new("nl",
            ["negeer", "negeren", "vergeet", "vergeten", "sla over", "houd geen rekening"],
            ["vorige", "eerdere", "voorgaande", "bovenstaande", "hierboven", "alle", "alles", "oorspronkelijke"],
            ["instructie*", "opdracht*", "regels", "richtlijnen", "bevelen", "prompt*", "aanwijzing*"],
            ["toon*", "laat zien", "laat me", "herhaal*", "print*", "schrijf*", "geef", "onthul*", "kopieer*"],
            ["systeemprompt*", "systeem-prompt*", "systeeminstructie*", "je instructies", "jouw instructies", "uw instructies", "oorspronkelijke instructies", "verborgen instructies", "boven dit bericht"],
            ["vergeet niet", "niet vergeten"]),
        new("ru",
            ["игнорируй*", "игнорир*", "забудь*", "забуд*", "не обращай внимания", "не обращайте внимания", "пропусти*", "отбрось*"],
            ["предыдущ*", "прежн*", "выше", "вышеуказанн*", "все", "всё", "изначальн*", "первоначальн*"],
            ["инструкци*", "указани*", "правил*", "команд*", "приказ*", "промпт*", "директив*"],
            ["покажи*", "выведи*", "повтори*", "раскрой*", "напиши*", "распечатай*", "скопируй*", "назови*"],
            ["системный промпт*", "системного промпта", "системные инструкции", "системных инструкций", "твои инструкции", "ваши инструкции", "свои инструкции", "исходные инструкции", "скрытые инструкции"],
            ["не забудь*", "не забывай*", "не забывайте"]),
        new("pl",
            ["zignoruj*", "ignoruj*", "zapomnij", "zapomnijcie", "pomiń", "pomin", "nie zwracaj uwagi"],
            ["poprzedni*", "wcześniejsz*", "powyższ*", "wszystkie", "wszystko", "początkow*", "oryginaln*"],
            ["instrukcj*", "polece*", "zasad*", "reguł*", "rozkaz*", "prompt*", "wytyczn*"],
            ["pokaż*", "pokaz*", "wypisz*", "powtórz*", "wyświetl*", "ujawnij*", "napisz*", "podaj*", "skopiuj*"],
            ["prompt systemowy", "promptu systemowego", "instrukcje systemowe", "swoje instrukcje", "twoje instrukcje", "początkowe instrukcje", "ukryte instrukcje"],
            ["nie zapomnij*", "nie zapominaj*"]),
        new("tr",
            ["yoksay*", "görmezden gel*", "unut*", "dikkate alma", "boşver", "atla"],
            ["önceki", "yukarıdaki", "tüm", "bütün", "ilk", "orijinal", "daha önceki"],
            ["talimat*", "komut*", "kural*", "yönerge*", "emir*", "prompt*"],
            ["göster*", "yazdır*", "tekrarla*", "açıkla*", "yaz", "söyle*", "paylaş*", "kopyala*"],
            ["sistem istem*", "sistem prompt*", "sistem talimat*", "gizli talimat*"],
            ["unutma", "unutmayın", "unutmayin", "unutmadan"]),
        new("zh",
            ["忽略", "忽视", "无视", "忘记", "忘掉", "不要理会", "别管", "抛开", "跳过"],
            ["之前", "以前", "先前", "上面", "以上", "前面", "所有", "全部", "一切", "原来", "最初"],
            ["指令", "指示", "说明", "规则", "命令", "提示词", "提示", "要求", "设定"],
            ["输出", "显示", "展示", "告诉我", "打印", "重复", "透露", "泄露", "公开", "写出", "复述", "给我看", "列出"],
            ["系统提示", "系统指令", "系统消息", "系统设定", "你的指令", "你的提示词", "最初的指令", "初始指令", "隐藏的指令", "原始指令", "收到的指令", "给你的指令", "隐藏提示", "隐藏的提示"],
            ["不要忘记", "不要忘了", "别忘了", "别忘记", "勿忘"]),
        new("ja",
            ["無視", "忘れ", "気にしないで", "破棄", "従わないで"],
            ["以前の", "前の", "これまでの", "上記", "上の", "すべての", "全ての", "全部", "最初の", "元の"],
            ["指示", "命令", "ルール", "規則", "プロンプト", "指令", "設定"],
            ["表示", "出力", "見せ", "教えて", "繰り返", "書き出", "印刷", "明かし", "開示", "列挙"],
            ["システムプロンプト", "システム指示", "システムメッセージ", "あなたの指示", "最初の指示", "初期の指示", "元の指示", "隠された指示", "受け取った指示"],
            ["忘れないで", "忘れずに", "忘れてはいけ"]),
        new("ko",
            ["무시*", "잊어*", "잊고*", "잊으*", "신경 쓰지*", "따르지 마*", "건너뛰*"],
            ["이전*", "앞의*", "앞서*", "위의*", "위에*", "모든*", "전부*", "처음*", "원래*", "기존*"],
            ["지시*", "명령*", "규칙*", "지침*", "프롬프트*", "설정*"],
            ["보여*", "출력*", "알려*", "반복*", "공개*", "말해*", "적어*", "써 줘*", "써줘*", "복사*"],
            ["시스템 프롬프트*", "시스템프롬프트*", "시스템 지시*", "시스템 메시지*", "너의 지시*", "당신의 지시*", "처음 받은 지시*", "초기 지시*", "숨겨진 지시*", "원래 지시*"],
            ["잊지 마*", "잊지 말*", "잊지 않*"]),
        new("ar",
            ["تجاهل", "اهمل", "أهمل", "لا تلتفت", "لا تهتم"],
            ["السابقة", "السابق", "أعلاه", "اعلاه", "جميع", "الأولية", "الاولية", "الأصلية", "الاصلية"],
            ["التعليمات", "تعليمات", "الأوامر", "الاوامر", "أوامر", "القواعد", "الإرشادات", "الارشادات", "التوجيهات"],
            ["اعرض", "أعرض", "اطبع", "كرر", "أظهر", "اظهر", "اكشف", "اكتب", "أخبرني", "اخبرني", "انسخ"],
            ["موجه النظام", "تعليمات النظام", "رسالة النظام", "تعليماتك", "التعليمات الأولية", "التعليمات الاولية", "التعليمات المخفية", "التعليمات التي أعطيت لك", "التعليمات التي اعطيت لك"],
            ["لا تنس", "لا تنسى", "لا تنسوا"]),
        new("hi",
            ["अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "भूल जाओ", "भूल जाएं", "भूल जाइए", "अनदेखी", "ध्यान मत दो", "ध्यान न दें"],
            ["पिछले", "पिछली", "पहले", "ऊपर", "सभी", "सारे", "सारी", "शुरुआती", "मूल"],
            ["निर्देश*", "आदेश*", "नियम*", "हिदायत*", "प्रॉम्प्ट", "प्रोम्प्ट", "कमांड"],
            ["दिखाओ", "दिखाएं", "दिखाइए", "बताओ", "बताएं", "बताइए", "दोहराओ", "दोहराएं", "प्रिंट", "लिखो", "लिखें", "प्रकट"],
            ["सिस्टम प्रॉम्प्ट", "सिस्टम प्रोम्प्ट", "सिस्टम निर्देश", "अपने निर्देश", "तुम्हारे निर्देश", "आपके निर्देश", "शुरुआती निर्देश", "छिपे निर्देश", "मूल निर्देश"],
            ["मत भूलो", "न भूलें", "मत भूलना", "भूलना मत"]),
        new("vi",
            ["bỏ qua", "phớt lờ", "lờ đi", "quên", "đừng để ý", "không cần tuân theo"],
            ["trước đó", "trước", "phía trên", "ở trên", "tất cả", "mọi", "ban đầu", "gốc"],
            ["hướng dẫn", "chỉ dẫn", "chỉ thị", "lệnh", "quy tắc", "prompt", "yêu cầu"],
            ["hiển thị", "in ra", "in nguyên văn", "nguyên văn", "cho tôi xem", "lặp lại", "tiết lộ", "viết ra", "nói cho tôi", "sao chép", "liệt kê"],
            ["lời nhắc hệ thống", "prompt hệ thống", "hướng dẫn hệ thống", "chỉ thị hệ thống", "hướng dẫn của bạn", "chỉ dẫn của bạn", "hướng dẫn ban đầu", "hướng dẫn ẩn"],
            ["đừng quên", "không được quên", "nhớ đừng"]),
        new("id",
            ["abaikan", "lupakan", "jangan hiraukan", "jangan pedulikan", "lewati", "tinggalkan"],
            ["sebelumnya", "di atas", "semua", "seluruh", "awal", "asli"],
            ["instruksi", "perintah", "aturan", "arahan", "petunjuk", "prompt"],
            ["tampilkan", "menampilkan", "tunjukkan", "menunjukkan", "cetak", "mencetak", "mengungkapkan", "ulangi", "ungkapkan", "tuliskan", "beritahu", "beri tahu", "salin", "sebutkan"],
            ["prompt sistem", "instruksi sistem", "pesan sistem", "instruksimu", "instruksi anda", "instruksi awal", "instruksi tersembunyi*", "instruksi asli"],
            ["jangan lupa"]),
    ];

    private sealed record Sets(TermSet Dismiss, TermSet Earlier, TermSet Instructions, TermSet Reveal, TermSet SystemPrompt, TermSet NotDismiss);

    private static readonly Sets[] BySet = [.. Languages.Select(l => new Sets(new TermSet(l.Dismiss), new TermSet(l.Earlier),
        new TermSet(l.Instructions), new TermSet(l.Reveal), new TermSet(l.SystemPrompt), new TermSet(l.NotDismiss)))];

    /// <summary>Whether <paramref name="prepared"/> (<see cref="HarmLexicon.Prepare"/>) asks, in one language, to dismiss the earlier instructions.</summary>
    public static bool Overrides(string prepared) =>
        BySet.Any(s => s.Dismiss.IsMatch(prepared) && s.Earlier.IsMatch(prepared) && s.Instructions.IsMatch(prepared) && !s.NotDismiss.IsMatch(prepared));

    /// <summary>Whether it asks, in one language, to show, print or repeat the system prompt or the model's instructions.</summary>
    public static bool Extracts(string prepared) =>
        BySet.Any(s => s.Reveal.IsMatch(prepared) && s.SystemPrompt.IsMatch(prepared));
}
