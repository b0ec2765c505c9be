namespace Microsoft.Extensions.Hosting;

/// <summary>The roles an identity provider puts in the <c>role</c> claim, and the policies built on them.</summary>
public static class CanopyRoles
{
    public const string Student = "student";
    public const string Instructor = "instructor";
    public const string Admin = "admin";

    /// <summary>A service acting for itself (canopy-be's client-credentials token): it may search, nothing else.</summary>
    public const string Service = "service";

    /// <summary>Chat, feedback, reading documents and searching: every signed-in role.</summary>
    public const string ReaderPolicy = "reader";

    /// <summary>Searching: every signed-in role and canopy-be on behalf of a personal API key's owner.</summary>
    public const string SearchPolicy = "search";

    /// <summary>Uploading and deleting documents, reading and exporting feedback.</summary>
    public const string InstructorPolicy = "instructor";

    /// <summary>Keys and settings.</summary>
    public const string AdminPolicy = "admin";
}

/// <summary>The audience each service's tokens must name (the provider's API scopes of the same names).</summary>
public static class CanopyAudiences
{
    public const string Be = "canopy-be";
    public const string Rag = "canopy-rag";
    public const string Calendar = "canopy-calendar";
}
