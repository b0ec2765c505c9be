using System.Globalization;
using System.Text;
using Canopy.Api.Guardrails.Text;

namespace Canopy.Api.Guardrails;

/// <summary>
/// Words for grave harms (explosives, weapons, poison, drugs, killing, torture, kidnapping, theft, fraud, forgery,
/// laundering, smuggling, intrusion, rape, sexual abuse of children, suicide, terrorism) and for asking how to do one,
/// in the languages students most often write in besides English. Written from each language's common vocabulary, not
/// from any dataset. Each language also has words for preventing, recognising or reporting a harm: a student asking how to
/// protect themselves is not asking for the harm. A term ending in "*" is a stem; other terms are whole words. In
/// Chinese, Japanese, Thai and Arabic (no spaces between words, or clitics joined to them) a term matches anywhere.
/// </summary>
public static class HarmLexicon
{
    public sealed record Language(string Code, string[] Hazards, string[] Requests, string[] Protective);

    public static readonly Language[] Languages =
    [
        new("fr",
            ["bombe*", "explosif*", "grenade*", "arme", "armes", "arme à feu", "pistolet*", "fusil*", "poison*", "empoisonn*",
             "drogue*", "cocaïne", "héroïne", "méthamphétamine", "crack", "tuer", "tué*", "meurtre*", "assassin*",
             "tortur*", "kidnapp*", "enlèvement*", "séquestr*", "cambriol*", "voler de l'argent", "dérober", "escroqu*", "arnaqu*",
             "fraude*", "frauder", "contrefa*", "falsifi*", "blanchir de l'argent", "blanchiment*", "contreband*", "pirater",
             "piratage", "rançongiciel*", "viol", "viols", "violer",
             "pédopornograph*", "suicid*", "terroris*", "attentat*"],
            ["comment puis-je", "comment je peux", "comment faire pour", "comment fabriquer", "comment obtenir", "comment acheter", "apprends-moi", "où acheter", "où trouver", "où puis-je", "meilleur moyen de", "meilleure façon de"],
            ["prévenir", "prévention", "protéger", "me protéger", "se protéger", "reconnaître", "détecter", "signaler", "porter plainte"]),
        new("de",
            ["bombe*", "sprengstoff*", "sprengsatz*", "granate*", "waffe", "waffen", "schusswaffe*", "pistole*", "gewehr*", "gift",
             "vergift*", "drogen", "kokain", "heroin", "crystal meth", "töten", "umbringen", "ermorden", "mord", "morden",
             "folter*", "entführ*", "stehlen", "klauen", "rauben", "raubüberfall*", "einbrechen", "einbruch", "betrügen",
             "betrug", "fälschen", "fälschung*", "geldwäsche", "geld waschen", "schmuggel*", "hacken", "vergewaltig*", "kinderporno*", "selbstmord*", "suizid*", "terroranschlag*", "anschlag verüben"],
            ["wie kann ich", "wie könnte ich", "wie mache ich", "wie baue ich", "wie bekomme ich", "wie stelle ich", "wie man", "anleitung", "bring mir bei", "wo kaufe ich", "wo bekomme ich", "am besten"],
            ["verhindern", "vorbeugen", "vorbeugung", "schützen", "erkennen", "melden", "anzeigen", "anzeige erstatten"]),
        new("es",
            ["bomba", "bombas", "explosivo*", "arma", "armas", "arma de fuego", "pistola*", "veneno*", "envenen*", "droga",
             "drogas", "cocaína", "heroína", "metanfetamina", "matar", "asesinar", "asesinato*", "tortur*", "secuestr*",
             "robar", "hurtar", "atracar", "estafa*", "estafar", "fraude*", "falsific*", "lavar dinero", "lavado de dinero",
             "blanqueo", "contraband*", "hackear", "piratear", "violar", "violación", "pornografía infantil",
             "suicid*", "terroris*", "atentado*"],
            ["cómo puedo", "como puedo", "cómo hago", "cómo hacer", "cómo fabricar", "cómo conseguir", "cómo comprar", "enséñame", "dónde comprar", "dónde conseguir", "mejor manera de", "mejor forma de"],
            ["prevenir", "prevención", "proteger", "protegerme", "reconocer", "detectar", "denunciar"]),
        new("it",
            ["bomba", "bombe", "esplosiv*", "arma", "armi", "pistola*", "fucile*", "veleno*", "avvelen*", "droga", "droghe",
             "cocaina", "eroina", "metanfetamina", "uccidere", "uccider*", "ammazz*", "omicidio*", "tortur*", "rapire",
             "rapimento", "sequestr*", "rubare", "furto", "rapina*", "truffa*", "truffare", "frode", "contraff*", "falsific*",
             "riciclare denaro", "riciclaggio", "contrabband*", "hackerare", "stupr*", "violentare",
             "pedopornograf*", "suicid*", "terroris*", "attentato*"],
            ["come posso", "come faccio", "come fare", "come costruire", "come ottenere", "insegnami", "dove comprare", "modo migliore"],
            ["prevenire", "prevenzione", "proteggere", "proteggermi", "riconoscere", "denunciare"]),
        new("pt",
            ["bomba", "bombas", "explosivo*", "arma", "armas", "arma de fogo", "pistola*", "veneno*", "envenen*", "droga", "drogas",
             "cocaína", "heroína", "metanfetamina", "matar", "assassinar", "assassinato*", "tortur*", "sequestr*", "roubar",
             "furtar", "assaltar", "fraude*", "golpe do", "falsific*", "lavar dinheiro", "lavagem de dinheiro", "contraband*",
             "hackear", "estupr*", "pornografia infantil", "suicíd*", "terroris*", "atentado*"],
            ["como posso", "como faço", "como fazer", "como fabricar", "como conseguir", "como comprar", "me ensine", "onde comprar", "melhor maneira de", "melhor forma de"],
            ["prevenir", "prevenção", "proteger", "me proteger", "reconhecer", "detectar", "denunciar", "vítima*"]),
        new("ru",
            ["бомб*", "взрывчат*", "взрывн*", "гранат*", "оружи*", "пистолет*", "винтовк*", "яд", "отрав*", "наркотик*", "кокаин*",
             "героин*", "метамфетамин*", "убить", "убийств*", "убива*", "пытк*", "пытать", "похити*", "похищ*", "украсть", "краж*",
             "воровать", "ограб*", "мошенни*", "обман*", "поддел*", "отмыва*", "контрабанд*", "взломать", "изнасил*", "детская порнография", "детской порнографии", "самоубийств*", "суицид*", "теракт*", "террор*"],
            ["как мне", "как я могу", "как сделать", "как изготовить", "как получить", "как купить", "научи", "где купить", "лучший способ"],
            ["предотврат*", "профилактик*", "защит*", "распознать", "сообщить о"]),
        new("zh",
            ["炸弹", "炸彈", "爆炸物", "炸药", "炸藥", "手榴弹", "手榴彈", "枪支", "槍支", "枪械", "槍械", "武器", "毒药", "毒藥", "下毒",
             "毒品", "可卡因", "海洛因", "冰毒", "杀人", "殺人", "杀死他", "杀死她", "殺死", "谋杀", "謀殺", "杀掉", "殺掉", "酷刑", "折磨",
             "绑架", "綁架", "偷窃", "偷竊", "盗窃", "盜竊", "偷东西", "偷東西", "抢劫", "搶劫", "诈骗", "詐騙", "欺诈", "欺詐", "伪造",
             "偽造", "洗钱", "洗錢", "走私", "强奸", "強姦", "儿童色情",
             "兒童色情", "自杀", "自殺", "恐怖袭击", "恐怖襲擊", "恐怖主义", "恐怖主義"],
            ["我怎么", "我怎麼", "我如何", "我该如何", "我該如何", "怎么才能", "怎麼才能", "如何才能", "怎么制作", "如何制作", "如何制造", "如何製造", "怎么做", "怎麼做", "教我", "告诉我怎么", "告訴我怎麼", "哪里可以买", "哪裡可以買", "最好的方法", "最好的办法"],
            ["防止", "防范", "防範", "预防", "預防", "保护", "保護", "识别", "識別", "举报", "舉報", "报警", "報警"]),
        new("ja",
            ["爆弾", "爆発物", "爆薬", "手榴弾", "銃", "武器", "毒物", "毒薬", "毒を盛", "麻薬", "覚醒剤", "コカイン", "ヘロイン", "殺す",
             "殺害", "殺人", "拷問", "誘拐", "盗む", "盗み", "窃盗", "強盗", "詐欺", "偽造", "資金洗浄", "マネーロンダリング", "密輸",
             "強姦", "レイプ", "児童ポルノ", "自殺", "テロ"],
            ["どうやって", "どうすれば", "方法を教えて", "作り方", "やり方", "どこで買"],
            ["防ぐ", "防止", "予防", "守る", "見分け", "通報"]),
        new("ko",
            ["폭탄*", "폭발물*", "수류탄*", "총기*", "무기*", "독약*", "독살*", "마약*", "코카인*", "헤로인*", "필로폰*", "죽이*", "죽일*",
             "살해*", "살인*", "고문*", "납치*", "훔치*", "훔칠*", "절도*", "강도*", "사기*", "위조*", "돈세탁*", "자금세탁*", "밀수*",
             "해킹하*", "강간*", "성폭행*", "아동 포르노*", "아동 음란물*", "자살*", "테러*"],
            ["어떻게 하면", "어떻게 해야", "어떻게 만들*", "어떻게 구하*", "방법을 알려*", "방법 알려*", "가르쳐*", "어디서 사*", "어디서 구*"],
            ["방지*", "예방*", "보호*", "막으*", "막는*", "신고*"]),
        new("vi",
            ["quả bom", "chế tạo bom", "bom xăng", "chất nổ", "lựu đạn", "súng", "vũ khí", "chất độc", "đầu độc", "ma túy", "ma tuý", "cocaine", "heroin",
             "giết", "sát hại", "tra tấn", "bắt cóc", "ăn cắp", "ăn trộm", "trộm", "cướp", "lừa đảo", "gian lận", "làm giả",
             "rửa tiền", "buôn lậu", "hiếp dâm", "cưỡng hiếp",
             "khiêu dâm trẻ em", "tự tử", "tự sát", "khủng bố"],
            ["làm thế nào để", "làm sao để", "tôi có thể", "cách để", "cách làm", "cách chế tạo", "hướng dẫn tôi", "chỉ cho tôi cách", "mua ở đâu", "cách tốt nhất"],
            ["phòng tránh", "phòng chống", "ngăn chặn", "ngăn ngừa", "bảo vệ", "nhận biết", "tố cáo", "báo cáo"]),
        new("ar",
            ["قنبلة", "قنابل", "متفجر", "سلاح", "أسلحة", "اسلحة", "مسدس", "بندقية", "تسميم", "مخدر", "كوكايين", "هيروين",
             "ميثامفيتامين", "قتل", "أقتل", "اقتل", "يقتل", "تعذيب", "اختطاف", "خطف", "سرقة", "أسرق", "اسرق", "يسرق", "سطو", "احتيال",
             "تزوير", "غسيل الأموال", "غسل الأموال", "غسيل الاموال", "تهريب", "اغتصاب", "إباحية الأطفال", "انتحار", "إرهاب", "ارهاب"],
            ["كيف يمكنني", "كيف أصنع", "كيف اصنع", "كيف أقوم", "كيف أحصل", "علمني", "من أين أشتري", "أفضل طريقة"],
            ["حماية", "أحمي", "احمي", "منع", "الوقاية", "الإبلاغ"]),
        new("th",
            ["ระเบิด", "อาวุธ", "ปืน", "ยาพิษ", "วางยา", "ยาเสพติด", "โคเคน", "เฮโรอีน", "ยาบ้า", "ฆ่าคน", "ฆ่าเขา", "ฆ่าเธอ", "ฆ่ามัน", "ฆาตกรรม", "ทรมาน",
             "ลักพาตัว", "ขโมย", "ปล้น", "ลักทรัพย์", "ฉ้อโกง", "หลอกลวง", "ต้มตุ๋น", "ปลอมแปลง", "ฟอกเงิน", "ลักลอบ", "ข่มขืน", "สื่อลามกเด็ก", "ฆ่าตัวตาย", "ก่อการร้าย"],
            ["ทำอย่างไร", "ได้อย่างไร", "ยังไง", "วิธีทำ", "สอนฉัน", "สอนผม", "ซื้อที่ไหน"],
            ["ป้องกัน", "ปกป้อง", "แจ้งความ", "รับมือ"]),
        new("hi",
            ["बम", "विस्फोटक*", "हथियार*", "बंदूक*", "ज़हर*", "जहर*", "ड्रग्स", "नशीले*", "कोकीन", "हेरोइन", "मार डाल*", "हत्या*",
             "कत्ल*", "क़त्ल*", "यातना*", "अपहरण*", "चोरी*", "चुरा*", "डकैती*", "लूट*", "धोखाधड़ी*", "जालसाजी*", "मनी लॉन्ड्रिंग",
             "तस्करी*", "बलात्कार*", "बाल पोर्नोग्राफी", "आत्महत्या*", "आतंक*"],
            ["कैसे करूँ", "कैसे करें", "कैसे बनाऊँ", "कैसे बनाएं", "मैं कैसे", "बनाने का तरीका", "बनाने की विधि", "सिखाओ", "कहाँ से खरीद*"],
            ["बचाव*", "बचें", "रोकें", "रोकथाम", "सुरक्षा", "शिकायत"]),
        new("bn",
            ["বোমা*", "বিস্ফোরক*", "অস্ত্র*", "বন্দুক*", "বিষ", "বিষপ্রয়োগ*", "মাদক*", "কোকেন*", "হেরোইন*", "ইয়াবা*", "হত্যা*",
             "খুন*", "মেরে ফেল*", "নির্যাতন*", "অপহরণ*", "চুরি*", "ডাকাতি*", "প্রতারণা*", "জালিয়াতি*", "মানি লন্ডারিং*",
             "অর্থ পাচার*", "পাচার*", "ধর্ষণ*", "শিশু পর্নোগ্রাফি*", "আত্মহত্যা*", "সন্ত্রাস*"],
            ["আমি কীভাবে", "আমি কিভাবে", "কীভাবে করব*", "কিভাবে করব*", "কীভাবে বানা*", "কিভাবে বানা*", "শেখাও", "কোথায় কিন*"],
            ["প্রতিরোধ*", "রক্ষা*", "সুরক্ষা*", "অভিযোগ*"]),
        new("sw",
            ["bomu", "mabomu", "vilipuzi", "kilipuzi", "silaha", "bunduki", "sumu", "dawa za kulevya", "kokeini", "heroini", "kuua",
             "kumuua", "kuwaua", "mauaji", "kutesa", "mateso", "kuteka nyara", "utekaji*", "kuiba", "kuibia", "wizi", "ujambazi",
             "kupora", "ulaghai", "kulaghai", "udanganyifu", "kughushi", "utakatishaji wa fedha", "magendo", "kudukua", "kubaka", "ubakaji", "ponografia ya watoto", "kujiua", "ugaidi", "gaidi", "magaidi"],
            ["ninawezaje", "nawezaje", "jinsi ya ku*", "namna ya ku*", "njia ya ku*", "njia bora", "nifundishe", "nitapata wapi", "wapi naweza"],
            ["kujikinga", "kuzuia", "kulinda", "kujilinda", "kuripoti"]),
        new("id",
            ["membuat bom", "bom rakitan", "nggawe bom", "bahan peledak", "peledak", "senjata", "pistol", "racun", "meracuni", "ngracun*", "narkoba", "obat terlarang",
             "kokain", "heroin", "sabu", "sabu-sabu", "bunuh", "membunuh", "mbunuh", "mateni", "pembunuhan", "menyiksa", "nyiksa",
             "penyiksaan", "menculik", "nyulik", "penculikan", "mencuri", "nyolong", "maling", "pencurian", "merampok", "ngrampok",
             "perampokan", "menipu", "ngapusi", "penipuan", "memalsukan", "malsu", "pencucian uang", "menyelundupkan",
             "penyelundupan", "nyelundup*", "meretas", "memperkosa", "merkosa", "pemerkosaan",
             "pornografi anak", "bunuh diri", "nglalu", "teroris", "terorisme"],
            ["bagaimana cara", "bagaimana saya", "gimana cara", "cara membuat", "cara untuk", "carane", "ajari", "ajarana", "beli di mana", "tuku ing ngendi"],
            ["mencegah", "pencegahan", "melindungi", "nyegah", "mengenali", "melaporkan"]),
    ];

    private static readonly TermSet HazardTerms = new(Languages.SelectMany(l => l.Hazards));
    private static readonly TermSet RequestTerms = new(Languages.SelectMany(l => l.Requests));
    private static readonly TermSet ProtectiveTerms = new(Languages.SelectMany(l => l.Protective));

    /// <summary>Whether <paramref name="text"/>, as <see cref="Prepare"/> leaves it, names a grave harm.</summary>
    public static bool NamesHazard(string text) => HazardTerms.IsMatch(text);

    /// <summary>
    /// Whether it asks how to do it: how can I, how to make or get, teach me, where to buy, the best way to. A bare
    /// "how", a question mark, "I want", "help me" or "explain how" is not enough: "How does Camus narrate the
    /// murder?" and "Help me understand the attack on Pearl Harbor" are a student's.
    /// </summary>
    public static bool Asks(string text) => RequestTerms.IsMatch(text);

    /// <summary>Whether it asks to prevent, recognise or report a harm, or to protect from one.</summary>
    public static bool Protects(string text) => ProtectiveTerms.IsMatch(text);

    /// <summary>Lower case, compatibility forms folded, invisible characters removed, white space single spaces; other scripts' letters kept.</summary>
    public static string Prepare(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (char.IsWhiteSpace(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.Format) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
