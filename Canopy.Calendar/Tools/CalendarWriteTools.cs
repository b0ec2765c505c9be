using System.ComponentModel;
using Canopy.Calendar.Events;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Canopy.Calendar.Tools;

/// <summary>
/// The tools that write. A student keeps personal events; instructors and admins also keep course events; university
/// events are read-only. Someone else's personal event is "not found", never "forbidden", so its existence stays private.
/// </summary>
[McpServerToolType]
public sealed class CalendarWriteTools(ICalendarStore store, Pseudonyms pseudonyms)
{
    /// <summary>Where an event created through the tools came from (the seeded ones name their document).</summary>
    public const string PersonalSource = "personal";
    public const string InstructorSource = "instructor";

    [McpServerTool(Name = CalendarToolNames.CreateEvent, Title = "Create a calendar event", Destructive = false, OpenWorld = false)]
    [Description("Creates an event in the caller's own calendar. An instructor or admin who gives a course creates that course's event, seen by everyone.")]
    public async Task<CalendarEvent> CreateEvent(
        RequestContext<CallToolRequestParams> context,
        [Description("What the event is, 1-200 characters.")] string title,
        [Description("The (first) day, ISO yyyy-MM-dd.")] string date,
        [Description("The last day of a multi-day event, ISO yyyy-MM-dd, not before date.")] string? endDate = null,
        [Description("Start time, 24-hour HH:mm.")] string? startTime = null,
        [Description("End time, 24-hour HH:mm; needs startTime.")] string? endTime = null,
        [Description("One of: deadline, holiday, exam, classes, assignment, lecture, meeting, study, other (default other).")] string? category = null,
        [Description("Course code the event belongs to, e.g. PHYS-214.")] string? course = null,
        [Description("Where it takes place, at most 200 characters.")] string? location = null,
        [Description("Details, at most 2000 characters.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var caller = Caller(context);
        if (caller.Owner is null) throw new McpException("Only a signed-in student, instructor or admin can create events; this caller may only read the calendar.");
        var courseCode = ToolInput.Course(course);
        var isCourseEvent = courseCode is not null && caller.MayEditCourses;
        var created = ToolInput.Consistent(new CalendarEvent(
            $"evt-{Guid.NewGuid():N}", ToolInput.Title(title), ToolInput.Date(date, nameof(date)), ToolInput.OptionalDate(endDate, nameof(endDate)),
            ToolInput.Time(startTime, nameof(startTime)), ToolInput.Time(endTime, nameof(endTime)), ToolInput.Category(category) ?? EventCategories.Other,
            courseCode, ToolInput.Text(location, nameof(location), ToolInput.MaxLocation), ToolInput.Text(description, nameof(description), ToolInput.MaxDescription),
            isCourseEvent ? CalendarScopes.Course : CalendarScopes.Personal, isCourseEvent ? InstructorSource : PersonalSource));
        await store.AddAsync(new StoredEvent(created, isCourseEvent ? null : caller.Owner), cancellationToken);
        return created;
    }

    [McpServerTool(Name = CalendarToolNames.UpdateEvent, Title = "Update a calendar event", Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Changes the caller's own event (instructors and admins: also course events). Omitted fields stay as they are; an empty string clears an optional field.")]
    public async Task<CalendarEvent> UpdateEvent(
        RequestContext<CallToolRequestParams> context,
        [Description("The event's id.")] string id,
        [Description("New title, 1-200 characters.")] string? title = null,
        [Description("New (first) day, ISO yyyy-MM-dd.")] string? date = null,
        [Description("New last day, ISO yyyy-MM-dd; empty to make it a single day.")] string? endDate = null,
        [Description("New start time, HH:mm; empty to clear.")] string? startTime = null,
        [Description("New end time, HH:mm; empty to clear.")] string? endTime = null,
        [Description("New category: deadline, holiday, exam, classes, assignment, lecture, meeting, study or other.")] string? category = null,
        [Description("New course code, e.g. PHYS-214; empty to clear (personal events only).")] string? course = null,
        [Description("New location, at most 200 characters; empty to clear.")] string? location = null,
        [Description("New details, at most 2000 characters; empty to clear.")] string? description = null,
        CancellationToken cancellationToken = default)
    {
        var current = (await EditableAsync(id, Caller(context), cancellationToken)).Event;
        var newCourse = course is null ? current.Course : ToolInput.Course(course);
        if (current.Scope == CalendarScopes.Course && newCourse is null) throw new McpException("A course event must keep a course code.");
        var updated = ToolInput.Consistent(current with
        {
            Title = string.IsNullOrEmpty(title) ? current.Title : ToolInput.Title(title),
            Date = string.IsNullOrEmpty(date) ? current.Date : ToolInput.Date(date, nameof(date)),
            EndDate = endDate is null ? current.EndDate : ToolInput.OptionalDate(endDate, nameof(endDate)),
            StartTime = startTime is null ? current.StartTime : ToolInput.Time(startTime, nameof(startTime)),
            EndTime = endTime is null ? current.EndTime : ToolInput.Time(endTime, nameof(endTime)),
            Category = string.IsNullOrEmpty(category) ? current.Category : ToolInput.Category(category)!,
            Course = newCourse,
            Location = location is null ? current.Location : ToolInput.Text(location, nameof(location), ToolInput.MaxLocation),
            Description = description is null ? current.Description : ToolInput.Text(description, nameof(description), ToolInput.MaxDescription),
        });
        return await store.UpdateAsync(updated, cancellationToken) ? updated : throw NotFound(id);
    }

    [McpServerTool(Name = CalendarToolNames.DeleteEvent, Title = "Delete a calendar event", Destructive = true, Idempotent = false, OpenWorld = false)]
    [Description("Deletes the caller's own event (instructors and admins: also course events) and returns what was deleted.")]
    public async Task<CalendarEvent> DeleteEvent(
        RequestContext<CallToolRequestParams> context,
        [Description("The event's id.")] string id,
        CancellationToken cancellationToken = default)
    {
        var stored = await EditableAsync(id, Caller(context), cancellationToken);
        return await store.DeleteAsync(stored.Event.Id, cancellationToken) ? stored.Event : throw NotFound(id);
    }

    private async Task<StoredEvent> EditableAsync(string id, CalendarCaller caller, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(ToolInput.Id(id), cancellationToken);
        if (stored is null || !caller.CanSee(stored)) throw NotFound(id);
        return stored.Event.Scope switch
        {
            CalendarScopes.University => throw new McpException("University events come from the registrar's academic calendar and are read-only."),
            CalendarScopes.Course when !caller.MayEditCourses => throw new McpException("Only instructors and admins can change or delete course events."),
            _ when caller.Owner is null => throw new McpException("This caller may only read the calendar."),
            _ => stored,
        };
    }

    private static McpException NotFound(string id) => new($"No event with id '{id}'.");

    private CalendarCaller Caller(RequestContext<CallToolRequestParams> context) => CalendarCaller.From(context.User, pseudonyms);
}
