using System.Security.Claims;

namespace Canopy.Calendar.Tools;

/// <summary>
/// Who calls a tool: a person (student, instructor, admin) owns personal events under their pseudonymous id; instructors and
/// admins also keep course events. canopy-be's service token is nobody's: it reads university and course events only.
/// </summary>
public sealed record CalendarCaller(string? Owner, bool MayEditCourses)
{
    public static CalendarCaller From(ClaimsPrincipal? user, Pseudonyms pseudonyms)
    {
        if (user is null) return new(null, false);
        var person = user.IsInRole(CanopyRoles.Student) || user.IsInRole(CanopyRoles.Instructor) || user.IsInRole(CanopyRoles.Admin);
        var owner = person ? pseudonyms.Of(user) : null;
        return new(owner, owner is not null && (user.IsInRole(CanopyRoles.Instructor) || user.IsInRole(CanopyRoles.Admin)));
    }

    public bool CanSee(Events.StoredEvent stored) => stored.Owner is null || stored.Owner == Owner;
}
