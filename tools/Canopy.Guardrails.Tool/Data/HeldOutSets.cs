using System.Text.Json;

namespace Canopy.Guardrails.Tool.Data;

public sealed record CyberSecEvalCase(int Id, string UserInput, string Variant, bool Indirect);
public sealed record HateCheckCase(string Functionality, string Text, bool Hateful);
public sealed record PiiSpan(string EntityType, int Start, int End);
public sealed record PiiSentence(string Text, IReadOnlyList<PiiSpan> Spans);

/// <summary>
/// The evaluation-only sets (formats and licences in eval/SOURCES.md): nothing here trains a model or chooses a
/// threshold. SciQ is read only from the shared folder: its licence keeps it out of the repository.
/// </summary>
public sealed class HeldOutSets(DataFolders folders)
{
    public const string Deepset = "injection_deepset_prompt_injections.jsonl";
    public const string CyberSecEvalFile = "injection_cyberseceval_prompt_injection.json";
    public const string HateCheckFile = "toxicity_hatecheck_test_suite_cases.csv";
    public const string PresidioFile = "pii_presidio_synth_dataset_v2.json";
    public const string XquadFile = "qa_xquad_en_squad11_subset.json";
    public const string SciqFile = "qa_sciq_test.csv";
    public const string CourseEmailsFile = "course_emails.jsonl";
    public const string FollowUpsFile = "followups.jsonl";
    public const string HarmWordsFile = "harm_words.jsonl";
    public const string AttackWordsFile = "attack_words.jsonl";
    public const string ResearchQuestionsFile = "research_questions.jsonl";
    public const string HomonymsFile = "homonyms.jsonl";
    public const string ReportedViewsFile = "reported_views.jsonl";
    public const string CounterSpeechFile = "counter_speech.jsonl";
    public const string LaunderedHateFile = "laundered_hate.jsonl";
    public const string HostileWordsFile = "hostile_words.jsonl";
    public const string CorrespondenceFile = "train/correspondence.jsonl";
    public const string ReadingsChecksFile = "readings_checks.jsonl";
    public const string PromptsChecksFile = "prompts_checks.jsonl";
    public const string JailbreakChecksFile = "jailbreak_checks.jsonl";
    public const string AuthorityChecksFile = "authority_checks.jsonl";
    public const string HarmRequestsFile = "harm_requests.jsonl";
    public const string LanguageChecksFile = "language_checks.jsonl";
    public const string SafeguardingChecksFile = "safeguarding_checks.jsonl";
    public const string InjectionChecksFile = "injection_checks.jsonl";
    public const string SuffixChecksFile = "suffix_checks.jsonl";

    /// <summary>The deepset test split (ids 546-661): attacks and benign rows no model here has seen.</summary>
    public IReadOnlyList<LabelledRow> DeepsetTest() =>
        GuardrailPool.ReadDeepset(folders.Require(Deepset), "deepset-test", "deepset/prompt-injections test split", id => id > GuardrailPool.DeepsetLastTrainId);

    public IReadOnlyList<CyberSecEvalCase> CyberSecEval()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(folders.Require(CyberSecEvalFile)));
        return [.. doc.RootElement.EnumerateArray().Select(r => new CyberSecEvalCase(
            r.GetProperty("prompt_id").GetInt32(), r.GetProperty("user_input").GetString()!,
            r.GetProperty("injection_variant").GetString()!, r.GetProperty("injection_type").GetString() == "indirect"))];
    }

    /// <summary>
    /// Forty course e-mails and announcements written for this repository (not public data): the correspondence a
    /// university assistant retrieves or is given, which none of the public sets resembles.
    /// </summary>
    public IReadOnlyList<string> CourseEmails() => Texts(CourseEmailsFile);

    /// <summary>Short follow-ups a student sends mid-conversation, written for this repository (not public data): "Why did she poison him?"</summary>
    public IReadOnlyList<string> FollowUps() => Texts(FollowUpsFile);

    public MailChecks MailChecks() => Data.MailChecks.Read(folders.Require(Data.MailChecks.File));

    /// <summary>
    /// Research questions written for this repository (not public data), by set: <c>sensitive</c> (overdose, suicide,
    /// firearms, poisoning, abuse, as medical paper titles), <c>clinical</c> (ordinary clinical questions), both written
    /// before the research-question rule and read while writing it; <c>after-rule</c> (medicine and social science,
    /// written once the rule was fixed); <c>harm-as-research</c> (requests for harm put in a research question's form).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ResearchQuestions() => Sets(ResearchQuestionsFile);

    /// <summary>
    /// Questions and sentences written for this repository (not public data) that use a slur's other sense as a subject
    /// does (a basalt dyke, retarded potentials, spastic diplegia), by set: <c>with-senses</c>, read while the senses were
    /// written, and <c>after-senses</c>, written once they were fixed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Homonyms() => Sets(HomonymsFile);

    /// <summary>
    /// Sentences of history answers written for this repository (not public data) that tell a hateful view as someone
    /// else's ("Nazi propaganda portrayed Jews as vermin ..."), by set: <c>with-rule</c> (read while the reported-view
    /// rule was written), <c>after-rule</c> (written once it was fixed), and <c>own-voice</c> (such views stated as the
    /// speaker's own, which should still be blocked).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ReportedViews() => Sets(ReportedViewsFile);

    /// <summary>
    /// Student questions and sentences written for this repository (not public data) that talk about hate speech rather
    /// than speak it ("Calling refugees parasites is dehumanising, and my essay explains why."), by set: <c>with-rule</c>
    /// (read while the condemnation and reporting words were written) and <c>after-rule</c> (written once they were fixed).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CounterSpeech() => Sets(CounterSpeechFile);

    /// <summary>
    /// Sentences written for this repository (not public data) that state a hateful view behind a denial ("that's not
    /// racist"), an endorsement ("offensive to say but true") or a crowd ("people say ..."), and sentences about hate
    /// speech that use the same words ("People say refugees are parasites, but that is simply untrue."), by set:
    /// <c>own-refined-on</c> and <c>counter-refined-on</c> (read while the rule was written and refined),
    /// <c>own-after</c> and <c>counter-after</c> (written once it was fixed).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LaunderedHate() => Sets(LaunderedHateFile);

    /// <summary>
    /// Hateful statements and ordinary sentences that name a group, written for this repository (not public data), by
    /// set: <c>hateful-dev</c> and <c>ordinary-dev</c> (read while HAP's hostile words were chosen), <c>hateful-after</c>
    /// and <c>ordinary-after</c> (written once they were fixed; the ordinary ones use those words near a group name); law,
    /// policy and history that speak of removing part of a group, and calls for removal: <c>ordinary-removal-dev</c> and
    /// <c>hateful-removal-dev</c> (read while the qualifier and numeral rules were written), <c>ordinary-removal-after</c>
    /// and <c>hateful-removal-after</c> (written once they were fixed).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HostileWords() => Sets(HostileWordsFile);

    /// <summary>
    /// Course readings written for this repository (not public data): speeches, letters, testimony, cases, verse and
    /// decrees, by set: <c>chosen-on</c> (read while the context stage's carriers and threshold were chosen) and
    /// <c>after</c> (written by another hand while that choice was made, and measured only with its last candidates).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Readings() => Sets(ReadingsChecksFile);

    /// <summary>
    /// Requests written for this repository (not public data) by the writers of <c>train/prompts.jsonl</c>, at the same
    /// time, and kept out of training, by set: <c>injections/en</c> and <c>injections/other</c> (direct prompt
    /// injections in English and in sixteen other languages), <c>jailbreaks/en</c>, <c>benign/en</c> and
    /// <c>benign/other</c> (ordinary messages that use an attack's words).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Prompts() => Sets(PromptsChecksFile);

    /// <summary>
    /// Requests written for this repository (not public data) by two writers who saw nothing of the project, after the
    /// jailbreak frames were first written: <c>jailbreaks-revised-on</c> and <c>messages-revised-on</c> (English
    /// jailbreak prompts and ordinary messages in their words, which the frames were then revised on), and
    /// <c>jailbreaks-after</c> and <c>messages-after</c> (the second writer's, measured once the revision was done).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> JailbreakChecks() => Sets(JailbreakChecksFile);

    /// <summary>
    /// Requests written for this repository (not public data) by three writers who saw nothing of the project: a claim of
    /// standing over the assistant (its developer, an admin, a privileged mode, the police) and ordinary messages in the
    /// same words; <c>claims-revised-on</c> and <c>messages-revised-on</c> were read while the frame was written,
    /// <c>claims-after</c> and <c>messages-after</c> (the second writer's) and <c>claims-after-2</c> and
    /// <c>messages-after-2</c> (the third's) were measured once it was fixed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AuthorityChecks() => Sets(AuthorityChecksFile);

    /// <summary>
    /// Requests written for this repository (not public data) by six writers who saw nothing of the project: requests
    /// for harm in the task style of red-team lists (weapons, poisons, drugs, malware, fraud, hoaxes, threats, hate,
    /// violence, self-harm, theft, stalking) and students' questions on the same subjects in the same words;
    /// <c>requests-revised-on</c> and <c>questions-revised-on</c> were read while the harm lexicon's English rules were
    /// extended, <c>requests-after</c>/<c>questions-after</c> (the second writer's) and <c>requests-after-2</c>/
    /// <c>questions-after-2</c> (the third's) were measured once they were fixed; <c>framed-questions</c> and
    /// <c>framed-requests</c> (a fourth writer's) are questions about a harm from the law's, a clinic's or a course's side
    /// and requests for harm behind the same framing, measured once the explanatory-question rule was fixed;
    /// <c>requests-after-3</c>/<c>questions-after-3</c> (a fifth writer's) were written at the same time as
    /// <c>train/harm_tasks.jsonl</c> and kept out of training; <c>safety-questions-8</c>/<c>cover-requests-8</c> (an
    /// eighth writer's) are questions seeking safety on a harm's subject and requests for harm under cover of safety,
    /// written while the harm classifier's purpose stage was built (on two other writers' such rows, writers <c>e</c> and
    /// <c>f</c> of <c>train/harm_tasks.jsonl</c>) and measured once it was fixed; <c>safety-questions-9</c>/<c>cover-requests-9</c>
    /// (a ninth writer's) were written with the same brief as writers <c>g</c> and <c>h</c> of that file and kept out of training.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> HarmRequests() => Sets(HarmRequestsFile);

    /// <summary>
    /// Messages written for this repository (not public data) in French, Italian, Chinese and Arabic by a writer who saw
    /// nothing of the project, at the same time as <c>train/harm_languages.jsonl</c> and with another brief, kept out of
    /// training: <c>requests</c> (requests for harm, 40 a language) and <c>messages</c> (ordinary messages, 60 a language,
    /// a third of them naming a harm while seeking help, history, law or a story).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> LanguageChecks() => Sets(LanguageChecksFile);

    /// <summary>
    /// Messages written for this repository (not public data) by three writers who saw nothing of the project, by set:
    /// <c>risk-*</c> (students who may harm themselves: intent, method, means, hiding, a goodbye), <c>subject-*</c>
    /// (ordinary messages on suicide and self-harm), <c>children-*</c> (questions about children and sex, bodies or abuse
    /// from parents, teachers, students), <c>help-after</c> (students who struggle and ask for help); the suffix says when
    /// the set was read (<c>read-on</c>, <c>read-on-2</c>) or that it was measured once the rules were fixed (<c>after</c>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SafeguardingChecks() => Sets(SafeguardingChecksFile);

    /// <summary>
    /// Requests written for this repository (not public data) by a writer who saw nothing of the project, at the same time
    /// as the two writers of <c>train/injections.jsonl</c> and kept out of training, by set: <c>injections</c> (direct
    /// prompt injections in English: rule overrides, prompt and secret extraction, forged system markup and turns,
    /// impersonation, fake modes, orders inside a pasted text, exfiltration) and <c>messages</c> (ordinary messages in
    /// their words: security coursework, self-corrections, style and persona requests, pasted texts, code, IT help);
    /// <c>injections-2</c> and <c>messages-2</c> the same kinds by a fourth writer, written beside writers c and d of
    /// <c>train/injections.jsonl</c> (few-shot transcripts, split payloads, obfuscation, buried orders, noise) and kept out too.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> InjectionChecks() => Sets(InjectionChecksFile);

    /// <summary>
    /// Suffixes of 20 tokens drawn uniformly from GPT-2's (<c>r50k_base</c>) and GPT-4's (<c>cl100k_base</c>)
    /// vocabularies, as an optimiser's search starts from and wanders through, by set: <c>chosen-on</c> (the suffix
    /// tail's share was chosen on them after the training pool's requests for harm), <c>looked-at</c> (its misses read
    /// while its cuts were chosen) and <c>after</c> (drawn once it was fixed, measured once).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SuffixChecks() => Sets(SuffixChecksFile);

    // A file of rows with a "set" and a "text", grouped by set.
    private IReadOnlyDictionary<string, IReadOnlyList<string>> Sets(string file) =>
        File.ReadLines(folders.Require(file)).Where(l => l.Length > 0)
            .Select(line =>
            {
                using var doc = JsonDocument.Parse(line);
                return (Set: doc.RootElement.GetProperty("set").GetString()!, Text: doc.RootElement.GetProperty("text").GetString()!);
            })
            .GroupBy(r => r.Set).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Text)]);

    /// <summary>
    /// The 300 e-mails and messages written for this repository as training carriers (<c>eval/train</c>); they train
    /// nothing, but the letter frame's greetings and closings were checked on them, so their figure is in-sample.
    /// </summary>
    public IReadOnlyList<string> Correspondence() => Texts(CorrespondenceFile);

    private IReadOnlyList<string> Texts(string file) =>
        [.. File.ReadLines(folders.Require(file)).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.GetProperty("text").GetString()!;
        })];

    /// <summary>
    /// Questions a student might ask that name a harm, and requests for harm, most wrapped in role-play or a story,
    /// written for this repository (not public data) to check the harm lexicon's English rule.
    /// </summary>
    public IReadOnlyList<(bool IsAttack, string Text)> HarmWords() =>
        [.. File.ReadLines(folders.Require(HarmWordsFile)).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return (doc.RootElement.GetProperty("kind").GetString() == "attack", doc.RootElement.GetProperty("text").GetString()!);
        })];

    /// <summary>
    /// Messages a student might send that use an attack's words ("developer mode", "ignore the previous …", "no
    /// restrictions on …"), and jailbreak prompts, written for this repository (not public data) to check the phrasing patterns.
    /// </summary>
    public IReadOnlyList<(bool IsAttack, string Text)> AttackWords() =>
        [.. File.ReadLines(folders.Require(AttackWordsFile)).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return (doc.RootElement.GetProperty("kind").GetString() == "attack", doc.RootElement.GetProperty("text").GetString()!);
        })];

    public IReadOnlyList<HateCheckCase> HateCheck() =>
        [.. Csv.Read(folders.Require(HateCheckFile))
            .Select(r => new HateCheckCase(r["functionality"], r["test_case"].Trim(), r["label_gold"] == "hateful"))];

    public IReadOnlyList<PiiSentence> Presidio()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(folders.Require(PresidioFile)));
        return [.. doc.RootElement.EnumerateArray().Select(r => new PiiSentence(r.GetProperty("full_text").GetString()!,
            [.. r.GetProperty("spans").EnumerateArray().Select(s => new PiiSpan(s.GetProperty("entity_type").GetString()!,
                s.GetProperty("start_position").GetInt32(), s.GetProperty("end_position").GetInt32()))]))];
    }

    /// <summary>Student questions: XQuAD-en always; the SciQ test split when the shared folder has it.</summary>
    public IReadOnlyList<LabelledRow> StudentQuestions()
    {
        var rows = new List<LabelledRow>();
        using (var doc = JsonDocument.Parse(File.ReadAllText(folders.Require(XquadFile))))
        {
            rows.AddRange(Paragraphs(doc).SelectMany(p => p.GetProperty("qas").EnumerateArray())
                .Select(q => new LabelledRow($"xquad:{q.GetProperty("id").GetString()}", "xquad", "XQuAD-en", RowKind.StudentQuestion,
                    q.GetProperty("question").GetString()!, "CC-BY-SA-4.0")));
        }
        if (folders.Shared is { } shared && File.Exists(Path.Combine(shared, SciqFile)))
            rows.AddRange(Csv.Read(Path.Combine(shared, SciqFile)).Select((r, i) =>
                new LabelledRow($"sciq:{i}", "sciq", "SciQ test", RowKind.StudentQuestion, r["question"], "CC-BY-NC-3.0")));
        return rows;
    }

    /// <summary>Clean passages no model here trained on: XQuAD contexts (encyclopaedia) and SciQ supports (textbooks).</summary>
    public IReadOnlyList<LabelledRow> CleanPassages()
    {
        var rows = new List<LabelledRow>();
        using (var doc = JsonDocument.Parse(File.ReadAllText(folders.Require(XquadFile))))
        {
            rows.AddRange(Paragraphs(doc).Select((p, i) => new LabelledRow($"xquad-context:{i}", "xquad", "XQuAD-en contexts",
                RowKind.CleanPassage, p.GetProperty("context").GetString()!, "CC-BY-SA-4.0")));
        }
        if (folders.Shared is { } shared && File.Exists(Path.Combine(shared, SciqFile)))
            rows.AddRange(Csv.Read(Path.Combine(shared, SciqFile)).Where(r => r["support"].Trim().Length > 0).Select((r, i) =>
                new LabelledRow($"sciq-support:{i}", "sciq", "SciQ supports", RowKind.CleanPassage, r["support"], "CC-BY-NC-3.0")));
        return rows;
    }

    private static IEnumerable<JsonElement> Paragraphs(JsonDocument doc) =>
        doc.RootElement.GetProperty("data").EnumerateArray().SelectMany(a => a.GetProperty("paragraphs").EnumerateArray()).ToList();
}
