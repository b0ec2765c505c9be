namespace Canopy.Web.Identity;

/// <summary>The roles canopy-identity puts in the <c>role</c> claim, and who may do what in the UI.</summary>
public static class Roles
{
    public const string Student = "student";
    public const string Instructor = "instructor";
    public const string Admin = "admin";

    /// <summary>Upload and delete documents (the form AuthorizeView's Roles takes: comma-separated).</summary>
    public const string LibraryEditors = $"{Instructor},{Admin}";

    /// <summary>Manage prompt versions and read A/B test results.</summary>
    public const string PromptEditors = $"{Instructor},{Admin}";
}
