using System.Runtime.InteropServices;

namespace Canopy.IntegrationTests.Reliability;

/// <summary>POSIX signals to a resource's process tree: SIGKILL as a crash, SIGSTOP/SIGCONT as a stall.</summary>
public static class ProcessSignals
{
    public const int SigKill = 9;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>Signals <paramref name="pid"/> and every process below it, children first (a project runs under `dotnet run`).</summary>
    public static void SignalTree(int pid, int signal)
    {
        foreach (var child in Descendants(pid).Reverse()) Signal(child, signal);
        Signal(pid, signal);
    }

    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var id)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // The command name may hold spaces and parentheses; the fields after the last ')' are fixed.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                if (!parents.TryGetValue(parent, out var children)) parents[parent] = children = [];
                children.Add(id);
            }
            catch (IOException) { }
        }
        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var next))
            foreach (var child in parents.GetValueOrDefault(next) ?? [])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        return found;
    }

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0 && Marshal.GetLastWin32Error() != 3 /* ESRCH: already gone */)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed with errno {Marshal.GetLastWin32Error()}.");
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
