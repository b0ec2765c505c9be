namespace Microsoft.Extensions.Hosting;

/// <summary>The roles an identity provider puts in the <c>role</c> claim, and the policies built on them.</summary>
public static class CanopyRoles
{
    public const string Student = "student";
    public const string Instructor = "instructor";
    public const string Admin = "admin";

    /// <summary>Chat, feedback, reading documents and searching: every signed-in role.</summary>
    public const string ReaderPolicy = "reader";

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
}
