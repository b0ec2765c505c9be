using System.Text;
using System.Text.RegularExpressions;

namespace Canopy.DeploymentTests;

/// <summary>A Containerfile read as text: instructions with continuation lines joined and comments dropped.</summary>
internal sealed partial class Containerfile
{
    public static string VllmPath => Path.Combine(RepoFiles.Root, "deploy", "vllm", "Containerfile");

    // pip options followed by a value that is not a package (short forms as pip and uv spell them).
    private static readonly HashSet<string> OptionsWithValue =
        ["-c", "--constraint", "-r", "--requirement", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "-p", "--python"];

    public List<(string Keyword, string Arguments)> Instructions { get; } = [];

    public static Containerfile Load(string path)
    {
        var file = new Containerfile();
        var pending = new StringBuilder();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0)) continue;
            var continued = line.EndsWith('\\');
            pending.Append(continued ? line[..^1] : line).Append(' ');
            if (continued) continue;
            var text = pending.ToString().Trim();
            pending.Clear();
            var split = text.IndexOf(' ');
            file.Instructions.Add((text[..split].ToUpperInvariant(), text[(split + 1)..].Trim()));
        }
        return file;
    }

    /// <summary>The image the final stage builds on.</summary>
    public string From => Instructions.Last(i => i.Keyword == "FROM").Arguments.Split(' ')[0];

    /// <summary>The normalised names of the packages every `pip install` (pip, pip3, uv pip, python -m pip) of a RUN names.</summary>
    public IEnumerable<string> PipInstalled()
    {
        foreach (var run in Instructions.Where(i => i.Keyword == "RUN"))
            foreach (var words in Commands(run.Arguments))
            {
                var install = words.IndexOf("install");
                if (install < 1 || words[install - 1] is not ("pip" or "pip3")) continue;
                for (var i = install + 1; i < words.Count; i++)
                {
                    if (words[i].StartsWith('-')) { if (OptionsWithValue.Contains(words[i])) i++; continue; }
                    yield return Normalise(PackageName().Match(words[i]).Value);
                }
            }
    }

    /// <summary>PEP 503: case, and runs of "-", "_" and ".", do not distinguish package names.</summary>
    public static string Normalise(string name) => NameSeparators().Replace(name, "-").ToLowerInvariant();

    // The simple commands of a shell line as words: quotes removed, split at unquoted &&, ||, ;, |, < and >.
    private static List<List<string>> Commands(string line)
    {
        var commands = new List<List<string>> { new() };
        var word = new StringBuilder();
        char? quote = null;
        void EndWord() { if (word.Length > 0) { commands[^1].Add(word.ToString()); word.Clear(); } }
        foreach (var c in line)
        {
            if (quote is not null) { if (c == quote) quote = null; else word.Append(c); }
            else if (c is '\'' or '"') quote = c;
            else if (char.IsWhiteSpace(c)) EndWord();
            else if (c is '&' or '|' or ';' or '<' or '>') { EndWord(); if (commands[^1].Count > 0) commands.Add([]); }
            else word.Append(c);
        }
        EndWord();
        return commands;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*")]
    private static partial Regex PackageName();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex NameSeparators();
}
