using System.Diagnostics;

namespace Canopy.TestUtilities.Files;

/// <summary>
/// Temporary folders for one test process, all under one root in the temp folder that is removed when the process
/// exits; the roots of test processes that were killed are removed by the next one.
/// </summary>
public static class TestDirectory
{
    private const string RootPrefix = "canopy-tests-";
    private static readonly Lazy<string> root = new(CreateRoot);

    /// <summary>This process's root: <c>canopy-tests-{process id}</c> in the temp folder.</summary>
    public static string Root => root.Value;

    /// <summary>A new empty folder under the root, its name starting with <paramref name="prefix"/>.</summary>
    public static string Create(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root, prefix + Path.GetRandomFileName().Replace(".", ""))).FullName;

    /// <summary>A path under the root for a file the test writes; nothing is created.</summary>
    public static string FilePath(string name) => Path.Combine(Root, name);

    private static string CreateRoot()
    {
        RemoveOrphans();
        var path = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), RootPrefix + Environment.ProcessId)).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(path);
        return path;
    }

    /// <summary>Removes the roots of test processes that are no longer running.</summary>
    public static void RemoveOrphans()
    {
        foreach (var path in Directory.EnumerateDirectories(Path.GetTempPath(), RootPrefix + "*"))
            if (int.TryParse(Path.GetFileName(path)[RootPrefix.Length..], out var id) && !IsRunning(id))
                TryDelete(path);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Best effort: a file still held by a process being torn down must not fail the run; the next run removes it.
    private static void TryDelete(string path)
    {
        try { Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
