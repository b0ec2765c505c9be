using System.Xml.Linq;

namespace Canopy.TestUtilities.Files;

/// <summary>Files of the repository the tests run from (the folder holding Canopy.sln).</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string OpenShift => Path.Combine(Root, "deploy", "openshift");

    public static string Overlay(string name) => Path.Combine(OpenShift, "overlays", name);

    /// <summary>A property of a project file, as written there (no MSBuild evaluation).</summary>
    public static string? ProjectProperty(string project, string property) =>
        XDocument.Load(Path.Combine(Root, project, project + ".csproj"))
            .Descendants(property).Select(e => e.Value.Trim()).LastOrDefault();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Canopy.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No Canopy.sln above {AppContext.BaseDirectory}.");
    }
}
