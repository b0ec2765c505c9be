namespace Canopy.Retrieval.Tool.Data;

/// <summary>Finds the shared evaluation data beside the repository and the corpus files copied next to the binaries.</summary>
public static class EvalPaths
{
    public const string CorpusQuestionsFile = "corpus-questions.json";

    /// <summary>The folder holding Canopy.sln, found from <paramref name="start"/> (default: the current folder) or the binaries.</summary>
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

    /// <summary>The hand-written questions about the bundled documents (Data/ in this project, copied next to the binaries).</summary>
    public static string CorpusQuestions() => Path.Combine(AppContext.BaseDirectory, "Data", CorpusQuestionsFile);

    /// <summary>The bundled course documents, copied next to the binaries by the Canopy.Rag reference.</summary>
    public static string CorpusFolder() => Path.Combine(AppContext.BaseDirectory, "Corpus");
}
