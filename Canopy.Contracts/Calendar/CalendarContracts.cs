namespace Canopy.Contracts.Calendar;

/// <summary>The tools canopy-calendar serves over MCP; the student assistant asks the student before it runs one of <see cref="Writes"/>.</summary>
public static class CalendarToolNames
{
    public const string ListEvents = "list_events";
    public const string GetEvent = "get_event";
    public const string CreateEvent = "create_event";
    public const string UpdateEvent = "update_event";
    public const string DeleteEvent = "delete_event";
    public const string UpcomingEvents = "upcoming_events";
    public const string EventsByDate = "events_by_date";
    public const string SearchEvents = "search_events";
    public const string EventStatistics = "event_statistics";

    public static readonly IReadOnlyList<string> All =
        [ListEvents, GetEvent, CreateEvent, UpdateEvent, DeleteEvent, UpcomingEvents, EventsByDate, SearchEvents, EventStatistics];

    public static readonly IReadOnlyList<string> Writes = [CreateEvent, UpdateEvent, DeleteEvent];
}

/// <summary>Whose an event is: the university's, a course's (both for everyone), or one student's own.</summary>
public static class CalendarScopes
{
    public const string University = "university";
    public const string Course = "course";
    public const string Personal = "personal";
}

/// <summary>
/// One calendar event as canopy-calendar's tools return it. Dates are ISO dates; times, when the event has them, are
/// <c>HH:mm</c> campus time. <see cref="Source"/> names where it came from (a bundled document, or <c>personal</c>).
/// </summary>
public sealed record CalendarEvent(
    string Id, string Title, DateOnly Date, DateOnly? EndDate, string? StartTime, string? EndTime, string Category,
    string? Course, string? Location, string? Description, string Scope, string Source);

/// <summary>What a list-returning tool answers: the events, and how many matched before the limit cut the list.</summary>
public sealed record CalendarEventList(IReadOnlyList<CalendarEvent> Events, int Total);

/// <summary>What <c>event_statistics</c> answers: counts over the events the caller can see.</summary>
public sealed record CalendarStatistics(
    int Total, int Upcoming, IReadOnlyDictionary<string, int> ByCategory, IReadOnlyDictionary<string, int> ByScope, IReadOnlyDictionary<string, int> ByMonth);
