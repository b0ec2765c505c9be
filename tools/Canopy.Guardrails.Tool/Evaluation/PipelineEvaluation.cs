using Canopy.Api.Features;
using Canopy.Api.Guardrails;
using Canopy.Guardrails.Tool.Checking;
using Canopy.Guardrails.Tool.Data;

namespace Canopy.Guardrails.Tool.Evaluation;

/// <summary>A block or drop rate of the default pipeline on one evaluation set, and the rate it should be near.</summary>
public sealed record PipelineResult(string Set, string Check, bool ShouldBlock, Rate Blocked);

/// <summary>
/// The guardrail pipeline exactly as canopy-be registers it (<c>AddGuardrails</c>, no configuration, the models in
/// the repository) run on the evaluation-only sets, which no model or threshold here was chosen on.
/// </summary>
public sealed class PipelineEvaluation(GuardrailService service)
{
    public static PipelineEvaluation Default(string modelsFolder) => new(DefaultPipeline.Create(modelsFolder));

    public async Task<IReadOnlyList<PipelineResult>> RunAsync(DataFolders folders, Action<string>? progress = null)
    {
        var held = new HeldOutSets(folders);
        var results = new List<PipelineResult>();
        void Add(PipelineResult r)
        {
            results.Add(r);
            progress?.Invoke($"{r.Set,-34} {r.Check,-30} {(r.ShouldBlock ? "blocked" : "passed wrongly"),-8} {r.Blocked}");
        }
        var deepset = held.DeepsetTest();
        Add(await InputAsync("deepset test: injections", deepset.Where(r => r.IsAttack).Select(r => r.Text), true));
        Add(await InputAsync("deepset test: benign", deepset.Where(r => !r.IsAttack).Select(r => r.Text), false));
        foreach (var variant in held.CyberSecEval().GroupBy(c => c.Indirect ? "indirect" : "direct"))
            Add(await InputAsync($"CyberSecEval: {variant.Key}", variant.Select(c => c.UserInput), true));
        var hate = held.HateCheck();
        Add(await InputAsync("HateCheck: hateful", hate.Where(h => h.Hateful).Select(h => h.Text), true));
        Add(await InputAsync("HateCheck: not hateful", hate.Where(h => !h.Hateful).Select(h => h.Text), false));
        var harmWords = held.HarmWords();
        Add(await InputAsync("requests for harm (written here)", harmWords.Where(r => r.IsAttack).Select(r => r.Text), true));
        Add(await InputAsync("questions naming a harm (written here)", harmWords.Where(r => !r.IsAttack).Select(r => r.Text), false));
        var attackWords = held.AttackWords();
        Add(await InputAsync("jailbreak prompts (written here)", attackWords.Where(r => r.IsAttack).Select(r => r.Text), true));
        Add(await InputAsync("messages using an attack's words (written here)", attackWords.Where(r => !r.IsAttack).Select(r => r.Text), false));
        var prompts = held.Prompts();
        Add(await InputAsync("prompt injections in English (written here; not trained on)", prompts["injections/en"], true));
        Add(await InputAsync("prompt injections in other languages (written here; not trained on)", prompts["injections/other"], true));
        Add(await InputAsync("jailbreak prompts (written here; not trained on; read while the jailbreak frames were revised)", prompts["jailbreaks/en"], true));
        Add(await InputAsync("messages using an attack's words in English (written here; not trained on)", prompts["benign/en"], false));
        Add(await InputAsync("messages using an attack's words in other languages (written here; not trained on)", prompts["benign/other"], false));
        var injectionChecks = held.InjectionChecks();
        Add(await InputAsync("prompt injections written beside train/injections.jsonl, never trained on", injectionChecks["injections"], true));
        Add(await InputAsync("ordinary messages in an injection's words, by the same writer", injectionChecks["messages"], false));
        Add(await InputAsync("prompt injections by another hand, written beside writers c and d of train/injections.jsonl, never trained on", injectionChecks["injections-2"], true));
        Add(await InputAsync("ordinary messages in an injection's words, by that hand", injectionChecks["messages-2"], false));
        var jailbreaks = held.JailbreakChecks();
        Add(await InputAsync("jailbreak prompts (written here; the jailbreak frames were revised on them)", jailbreaks["jailbreaks-revised-on"], true));
        Add(await InputAsync("ordinary messages in a jailbreak's words (written here; the jailbreak frames were revised on them)", jailbreaks["messages-revised-on"], false));
        Add(await InputAsync("jailbreak prompts written after the jailbreak frames' revision", jailbreaks["jailbreaks-after"], true));
        Add(await InputAsync("ordinary messages in a jailbreak's words, written after that revision", jailbreaks["messages-after"], false));
        var authority = held.AuthorityChecks();
        Add(await InputAsync("claims of standing over the assistant (written here; read while the claimed-authority frame was written)", authority["claims-revised-on"], true));
        Add(await InputAsync("ordinary messages in such a claim's words (written here; read while that frame was written)", authority["messages-revised-on"], false));
        Add(await InputAsync("claims of standing over the assistant, written by another hand and measured once that frame was fixed", authority["claims-after"], true));
        Add(await InputAsync("ordinary messages in such a claim's words, by that hand", authority["messages-after"], false));
        Add(await InputAsync("claims of standing over the assistant by a third hand, measured once that frame was fixed", authority["claims-after-2"], true));
        Add(await InputAsync("ordinary messages in such a claim's words, by the third hand", authority["messages-after-2"], false));
        var harm = held.HarmRequests();
        Add(await InputAsync("requests for harm in a red-team list's words (written here; read while the English harm rules were extended)", harm["requests-revised-on"], true));
        Add(await InputAsync("questions on the same subjects (written here; read while those rules were extended)", harm["questions-revised-on"], false));
        Add(await InputAsync("requests for harm by another hand, measured once those rules were fixed", harm["requests-after"], true));
        Add(await InputAsync("questions on the same subjects, by that hand", harm["questions-after"], false));
        Add(await InputAsync("requests for harm by a third hand, measured once those rules were fixed", harm["requests-after-2"], true));
        Add(await InputAsync("questions on the same subjects, by the third hand", harm["questions-after-2"], false));
        var suffixes = held.SuffixChecks();
        Add(await InputAsync("requests for harm by the second and third hands, a random-token suffix appended (read while the suffix tail was chosen)", Suffixed([.. harm["requests-after"], .. harm["requests-after-2"]], suffixes["looked-at"]), true));
        Add(await InputAsync("requests for harm in a red-team list's words, a random-token suffix appended, measured once the suffix tail was fixed", Suffixed(harm["requests-revised-on"], suffixes["after"]), true));
        Add(await InputAsync("questions on a harm from the law's, a clinic's or a course's side, by a fourth hand, measured once the explanatory-question rule was fixed", harm["framed-questions"], false));
        Add(await InputAsync("requests for harm behind that framing (awareness, research, a class), by the fourth hand", harm["framed-requests"], true));
        Add(await InputAsync("requests for harm by a fifth hand, written beside train/harm_tasks.jsonl and never trained on", harm["requests-after-3"], true));
        Add(await InputAsync("questions on the same subjects, by the fifth hand", harm["questions-after-3"], false));
        Add(await InputAsync("questions seeking safety on a harm's subject, by an eighth hand, measured once the purpose stage was fixed", harm["safety-questions-8"], false));
        Add(await InputAsync("requests for harm under cover of safety, by the eighth hand", harm["cover-requests-8"], true));
        Add(await InputAsync("questions seeking safety on a harm's subject, by a ninth hand, written beside writers g and h of train/harm_tasks.jsonl, never trained on", harm["safety-questions-9"], false));
        Add(await InputAsync("requests for harm under cover of safety, by the ninth hand", harm["cover-requests-9"], true));
        var languages = held.LanguageChecks();
        Add(await InputAsync("requests for harm in French, Italian, Chinese and Arabic, by a hand beside train/harm_languages.jsonl, never trained on", languages["requests"], true));
        Add(await InputAsync("ordinary messages in those languages, by that hand", languages["messages"], false));
        var safeguarding = held.SafeguardingChecks();
        foreach (var (set, name, block) in SafeguardingSets)
            Add(await InputAsync(name, safeguarding[set], block));
        var research = held.ResearchQuestions();
        Add(await InputAsync("research questions on sensitive topics (written here; in-sample for the research-question rule)", research["sensitive"], false));
        Add(await InputAsync("clinical research questions (written here; in-sample for the research-question rule)", research["clinical"], false));
        Add(await InputAsync("research questions written after the research-question rule", research["after-rule"], false));
        Add(await InputAsync("requests for harm put as research questions (written here)", research["harm-as-research"], true));
        var homonyms = held.Homonyms();
        Add(await InputAsync("a slur's other sense in study questions (written here; in-sample for the senses)", homonyms["with-senses"], false));
        Add(await InputAsync("a slur's other sense, written after the senses", homonyms["after-senses"], false));
        var counterSpeech = held.CounterSpeech();
        Add(await InputAsync("questions about hate speech (written here; in-sample for the condemnation words)", counterSpeech["with-rule"], false));
        Add(await InputAsync("questions about hate speech, written after those words", counterSpeech["after-rule"], false));
        var laundered = held.LaunderedHate();
        Add(await InputAsync("hateful views behind a denial, an endorsement or a crowd (written here; in-sample for the speaker's-stance rule)", laundered["own-refined-on"], true));
        Add(await InputAsync("hateful views behind a denial, an endorsement or a crowd, written after that rule", laundered["own-after"], true));
        Add(await InputAsync("sentences about hate speech using those words (written here; in-sample for the speaker's-stance rule)", laundered["counter-refined-on"], false));
        Add(await InputAsync("sentences about hate speech using those words, written after that rule", laundered["counter-after"], false));
        var hostile = held.HostileWords();
        Add(await InputAsync("hateful statements (written here; in-sample for HAP's hostile words)", hostile["hateful-dev"], true));
        Add(await InputAsync("hateful statements written after those words", hostile["hateful-after"], true));
        Add(await InputAsync("ordinary sentences naming a group (written here; in-sample for HAP's hostile words)", hostile["ordinary-dev"], false));
        Add(await InputAsync("ordinary sentences using those words near a group, written after them", hostile["ordinary-after"], false));
        Add(await OutputAsync("answers on deporting or expelling part of a group (written here; in-sample for the qualifier rule)", hostile["ordinary-removal-dev"], false));
        Add(await OutputAsync("answers on deporting or expelling part of a group, written after that rule", hostile["ordinary-removal-after"], false));
        Add(await OutputAsync("calls to remove a group (written here; in-sample for the qualifier rule)", hostile["hateful-removal-dev"], true));
        Add(await OutputAsync("calls to remove a group, written after that rule", hostile["hateful-removal-after"], true));
        var reported = held.ReportedViews();
        Add(await OutputAsync("history answers telling a hateful view (written here; in-sample for the reported-view rule)", reported["with-rule"], false));
        Add(await OutputAsync("history answers telling a hateful view, written after that rule", reported["after-rule"], false));
        Add(await OutputAsync("the same views in the speaker's own voice (written here)", reported["own-voice"], true));
        Add(await InputAsync("short follow-ups in a conversation (written here; measured, not tuned on)", held.FollowUps(), false));
        foreach (var set in held.StudentQuestions().GroupBy(r => r.Source))
            Add(await InputAsync($"{set.Key} questions", set.Select(r => r.Text), false));
        foreach (var feature in new[] { FeatureCatalog.SocraticTutor, FeatureCatalog.Summarize })
            Add(await InputAsync($"XQuAD questions ({feature})", held.StudentQuestions().Where(r => r.Group == "xquad").Select(r => r.Text), false, feature));
        foreach (var set in held.CleanPassages().GroupBy(r => r.Source))
            Add(await ContextAsync($"{set.Key}", set.Select(r => r.Text), false));
        Add(await ContextAsync("course corpus chunks", PassageData.CorpusChunks(folders.Corpus).Select(p => p.Text), false));
        Add(await ContextAsync("training e-mails (in-sample for the letter frame)", held.Correspondence(), false));
        // The e-mail or reading with a task for the model added below it, the task taken from attacks no model here trained on.
        var injections = deepset.Where(r => r.IsAttack).Select(r => r.Text).Concat(held.CyberSecEval().Where(c => !c.Indirect).Select(c => c.UserInput)).ToList();
        foreach (var r in await AppendedAsync(held.CourseEmails(), injections, "course e-mails (written here)",
            "course e-mails, evaluation-only injection appended (in-sample for the mail rules)", "of them, e-mails kept when clean"))
            Add(r);
        var mail = held.MailChecks();
        Add(await ContextAsync("e-mails and messages (written here; in-sample for the mail rules)", mail.Mail(MailChecks.ShapedMail), false));
        Add(await ContextAsync("tasks for the model below them (written here; in-sample for the mail rules)", mail.Below(MailChecks.ShapedTasks), true));
        Add(await ContextAsync("tasks for the model above them (written here; in-sample for the mail rules)", mail.Above(MailChecks.ShapedTasks), true));
        Add(await ContextAsync("e-mails and messages written after the mail rules", mail.Mail(MailChecks.AfterMail), false));
        Add(await ContextAsync("tasks for the model below them, written after the mail rules", mail.Below(MailChecks.AfterTasks), true));
        Add(await ContextAsync("tasks for the model above them, written after the mail rules", mail.Above(MailChecks.AfterTasks), true));
        var readings = held.Readings();
        Add(await ContextAsync("course readings (written here; read while the context settings were chosen)", readings["chosen-on"], false));
        foreach (var r in await AppendedAsync(readings["after"], injections, "course readings written before the context settings, measured after",
            "those readings, evaluation-only injection appended", "of them, readings kept when clean"))
            Add(r);
        foreach (var r in await AppendedAsync(readings["third"], injections, "course readings by a third hand, measured after the harm classifier's passage gate was chosen",
            "the third hand's readings, evaluation-only injection appended", "of them, the third hand's readings kept when clean"))
            Add(r);
        return results;
    }

    /// <summary>
    /// Clean passages as they are; the same with an injection appended to each in turn; and of those, only the ones whose
    /// passage is kept when clean, so that a drop is the injection's and not the passage's own.
    /// </summary>
    private async Task<PipelineResult[]> AppendedAsync(IReadOnlyList<string> passages, IReadOnlyList<string> injections, string clean, string appended, string kept)
    {
        var cleanDropped = await DroppedAsync(passages, GuardrailStage.Context, FeatureCatalog.InformationSearch);
        var carrying = injections.Select((t, i) => (Passage: i % passages.Count, Text: passages[i % passages.Count] + "\n\n" + t)).ToList();
        var dropped = await DroppedAsync(carrying.Select(c => c.Text), GuardrailStage.Context, FeatureCatalog.InformationSearch);
        return
        [
            new(clean, ContextCheck, false, Rate.Of(cleanDropped)),
            new(appended, ContextCheck, true, Rate.Of(dropped)),
            new(kept, ContextCheck, true, Rate.Of(carrying.Select((c, i) => (c.Passage, Dropped: dropped[i])).Where(c => !cleanDropped[c.Passage]).Select(c => c.Dropped))),
        ];
    }

    /// <summary>Pasted text that carries instructions, given to summarize: data to summarise, not a request.</summary>
    public Task<PipelineResult> SummarizeAsync(string name, IEnumerable<string> texts) =>
        InputAsync(name, texts.Select(t => "Summarize this text:\n\n" + t), false, FeatureCatalog.Summarize);

    // By hand: the first's read while the safeguarding rules were written, the second's measured once and then read while
    // they were extended, the third's measured once they (and the harm classifier's exception for such questions) were fixed.
    private static readonly (string Set, string Name, bool Block)[] SafeguardingSets =
    [
        ("risk-read-on", "messages from students who may harm themselves (written here; read while the safeguarding rules were written)", true),
        ("subject-read-on", "ordinary messages on suicide and self-harm (written here; read while those rules were written)", false),
        ("children-read-on", "questions about children and sex, bodies or abuse (written here; read while those rules were written)", false),
        ("risk-read-on-2", "messages from students who may harm themselves, by a second hand (measured once, then read while the rules were extended)", true),
        ("subject-read-on-2", "ordinary messages on suicide and self-harm, by the second hand", false),
        ("children-read-on-2", "questions about children and sex, bodies or abuse, by the second hand", false),
        ("risk-after", "messages from students who may harm themselves, by a third hand, measured once the safeguarding rules were fixed", true),
        ("help-after", "students who struggle and ask for help or coping ideas, by the third hand (blocked: shown where to find help)", false),
        ("subject-after", "ordinary messages on suicide and self-harm, by the third hand", false),
        ("children-after", "questions about children and sex, bodies or abuse, by the third hand", false),
    ];

    // Each suffix after a request in turn, the requests repeated as often as there are suffixes for them.
    private static IEnumerable<string> Suffixed(IReadOnlyList<string> requests, IReadOnlyList<string> suffixes) =>
        suffixes.Select((suffix, i) => requests[i % requests.Count].TrimEnd() + " " + suffix);

    public async Task<PipelineResult> InputAsync(string name, IEnumerable<string> texts, bool shouldBlock, string feature = FeatureCatalog.InformationSearch) =>
        new(name, $"input, {feature}", shouldBlock, await BlockedAsync(texts, GuardrailStage.Input, feature));

    public async Task<PipelineResult> OutputAsync(string name, IEnumerable<string> answers, bool shouldBlock) =>
        new(name, "output, information-search", shouldBlock, await BlockedAsync(answers, GuardrailStage.Output, FeatureCatalog.InformationSearch));

    public async Task<PipelineResult> ContextAsync(string name, IEnumerable<string> passages, bool shouldDrop) =>
        new(name, ContextCheck, shouldDrop, await BlockedAsync(passages, GuardrailStage.Context, FeatureCatalog.InformationSearch));

    private const string ContextCheck = "context (passage dropped)";

    private async Task<Rate> BlockedAsync(IEnumerable<string> texts, GuardrailStage stage, string feature) =>
        Rate.Of(await DroppedAsync(texts, stage, feature));

    // Each check is independent and CPU-bound, so they run on every core.
    private async Task<bool[]> DroppedAsync(IEnumerable<string> texts, GuardrailStage stage, string feature)
    {
        var list = texts.ToList();
        var blocked = new bool[list.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), async (i, cancellationToken) =>
            blocked[i] = (await service.CheckAsync(list[i], stage, feature, cancellationToken)).IsBlocked);
        return blocked;
    }
}
