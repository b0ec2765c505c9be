namespace Canopy.Guardrails.Tool.Data;

/// <summary>
/// Where the labelled data is: <c>eval/</c> in the repository (what its licences let it carry) and, when present,
/// the fuller <c>shared/eval</c> folder above the repository (adding the non-commercial rows, which only ever
/// evaluate, and SciQ).
/// </summary>
public sealed record DataFolders(string Repository, string? Shared)
{
    public string Eval => Path.Combine(Repository, "eval");

    public string Models => Path.Combine(Repository, "Canopy.Api", "Guardrails", "Models");

    public string Corpus => Path.Combine(Repository, "Canopy.Rag", "Corpus");

    /// <summary>The file in the shared folder if it is there, else in the repository's, else null.</summary>
    public string? Find(string relative)
    {
        foreach (var folder in new[] { Shared, Eval })
        {
            if (folder is null) continue;
            var path = Path.Combine(folder, relative);
            if (File.Exists(path)) return path;
        }
        return null;
    }

    public string Require(string relative) => Find(relative)
        ?? throw new FileNotFoundException($"{relative} is in neither {Eval} nor {Shared ?? "a shared/eval folder above the repository"}.");

    public static DataFolders Locate(string? repository = null, string? shared = null)
    {
        var root = repository ?? FindRepository(Directory.GetCurrentDirectory()) ?? FindRepository(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException("Canopy.sln not found above the current directory; pass --repo.");
        shared ??= Path.GetFullPath(Path.Combine(root, "..", "shared", "eval"));
        return new DataFolders(root, Directory.Exists(shared) ? shared : null);
    }

    public static string? FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Canopy.sln"))) return dir.FullName;
        return null;
    }
}
