using System.Text.RegularExpressions;

namespace Canopy.Api.Agent.Tools;

/// <summary>One member of the faculty, as the bundled faculty directory describes them.</summary>
public sealed record Professor(
    string Name, string Title, string Department, string Office, string Email, IReadOnlyList<string> Expertise,
    IReadOnlyList<string> Courses, string Section, string HeadingPath);

/// <summary>
/// The faculty directory (<c>faculty-directory.md</c>, the same document canopy-rag indexes) parsed into records: the
/// overview table gives title, office and e-mail; each <c>### Dr. ...</c> section its expertise and courses.
/// </summary>
public sealed partial class FacultyDirectory(IReadOnlyList<Professor> professors)
{
    public const string DocumentId = "faculty-directory";
    public const string FileName = "faculty-directory.md";

    public IReadOnlyList<Professor> Professors => professors;

    public static FacultyDirectory Parse(string markdown)
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Match row in TableRow().Matches(markdown))
        {
            var cells = row.Groups[1].Value.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length >= 6 && cells[0].StartsWith("Dr. ", StringComparison.Ordinal)) table[cells[0]] = cells;
        }

        var professors = new List<Professor>();
        var department = "";
        string? name = null;
        var section = new List<string>();
        void Flush()
        {
            if (name is null) return;
            var text = string.Join('\n', section).Trim();
            var cells = table.GetValueOrDefault(name);
            professors.Add(new Professor(name, cells?[1] ?? "", cells?[2] ?? department, cells?[3] ?? "", cells?[5] ?? "",
                ListAfter(text, "Areas of expertise:", ','), ListAfter(text, "Courses taught:", ';'), text, $"{department} > {name}"));
        }
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal)) { Flush(); name = null; department = line[3..].Trim(); }
            else if (line.StartsWith("### ", StringComparison.Ordinal)) { Flush(); name = line[4..].Trim(); section.Clear(); }
            else if (name is not null) section.Add(line);
        }
        Flush();
        return new FacultyDirectory(professors);
    }

    /// <summary>
    /// Professors whose expertise, courses or research match <paramref name="area"/>, best first: a word counts three
    /// times in the expertise, twice in a course title, once in the rest; a phrase found whole counts double.
    /// </summary>
    public IReadOnlyList<Professor> Find(string area, int limit)
    {
        var words = Words(area).Where(w => !StopWords.Contains(w)).Distinct().ToArray();
        if (words.Length == 0) return [];
        var phrase = string.Join(' ', words);
        var scored = professors.Select(p =>
        {
            var expertise = string.Join(" | ", p.Expertise).ToLowerInvariant();
            var courses = string.Join(" | ", p.Courses).ToLowerInvariant();
            var rest = (p.Department + " " + p.Section).ToLowerInvariant();
            var score = words.Sum(w => (Contains(expertise, w) ? 3 : 0) + (Contains(courses, w) ? 2 : 0) + (Contains(rest, w) ? 1 : 0));
            if (words.Length > 1 && (expertise.Contains(phrase) || courses.Contains(phrase))) score *= 2;
            return (Professor: p, Score: score);
        }).Where(s => s.Score > 0).OrderByDescending(s => s.Score).ToList();
        // Weak partial matches (a shared word such as "science") are noise once a strong match exists.
        var best = scored.FirstOrDefault().Score;
        return [.. scored.Where(s => s.Score * 2 >= best).Take(limit).Select(s => s.Professor)];
    }

    private static bool Contains(string text, string word) => Regex.IsMatch(text, $@"\b{Regex.Escape(word)}");

    private static IEnumerable<string> Words(string text) => WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value);

    private static string[] ListAfter(string text, string label, char separator) =>
        text.Split('\n').FirstOrDefault(l => l.TrimStart('-', ' ').StartsWith(label, StringComparison.Ordinal)) is { } line
            ? [.. line.TrimStart('-', ' ')[label.Length..].Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : [];

    private static readonly HashSet<string> StopWords =
        ["a", "an", "and", "the", "of", "in", "on", "for", "to", "who", "teaches", "teach", "professor", "professors", "expert", "experts", "about", "with", "dr"];

    [GeneratedRegex(@"^\|(.+)\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-]*")]
    private static partial Regex WordPattern();
}
