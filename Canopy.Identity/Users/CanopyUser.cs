namespace Canopy.Identity.Users;

/// <summary>A seeded user: the name is also the stable subject identifier of its tokens.</summary>
public sealed record CanopyUser(string Name, string Role)
{
    public static readonly CanopyUser Student = new("student", "student");
    public static readonly CanopyUser Instructor = new("instructor", "instructor");
    public static readonly CanopyUser Admin = new("admin", "admin");

    /// <summary>The users Canopy knows; their names and roles are fixed, only their passwords are configured.</summary>
    public static readonly IReadOnlyList<CanopyUser> Seeded = [Student, Instructor, Admin];
}
