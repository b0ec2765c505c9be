namespace Canopy.Rag.Evaluation;

/// <summary>Finds the repository root (the folder holding Canopy.sln) and the shared evaluation data beside it.</summary>
public static class EvalPaths
{
    public static string? RepositoryRoot(string? start = null)
    {
        foreach (var origin in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Canopy.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary><c>shared/eval</c> in the repository root or the nearest folder above it (default: <c>../shared/eval</c>).</summary>
    public static string? SharedEvalFolder(string? start = null)
    {
        var root = RepositoryRoot(start);
        for (var dir = root is null ? null : new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    public static string CorpusQuestions(string? start = null) =>
        Path.Combine(RepositoryRoot(start) ?? throw new DirectoryNotFoundException("Canopy.sln not found above the current directory."),
            "Canopy.Rag", "Eval", "corpus-questions.json");

    public static string CorpusFolder() => Path.Combine(AppContext.BaseDirectory, "Corpus");
}
