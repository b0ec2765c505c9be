using System.ComponentModel;
using Canopy.Calendar.Events;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Canopy.Calendar.Tools;

/// <summary>The tools that only read: what the caller may see is university and course events plus their own.</summary>
[McpServerToolType]
public sealed class CalendarReadTools(ICalendarStore store, Pseudonyms pseudonyms, TimeProvider time)
{
    [McpServerTool(Name = CalendarToolNames.ListEvents, Title = "List calendar events", ReadOnly = true, OpenWorld = false)]
    [Description("Lists calendar events in date order: university dates, course events (exams, deadlines) and the student's own personal events.")]
    public async Task<CalendarEventList> ListEvents(
        RequestContext<CallToolRequestParams> context,
        [Description("Only events of this scope: university, course or personal.")] string? scope = null,
        [Description("Only events of this course code, e.g. PHYS-214.")] string? course = null,
        [Description("Only events of this category, e.g. exam, deadline, holiday, classes, other.")] string? category = null,
        [Description("At most this many events (1-200).")] int limit = 50,
        CancellationToken cancellationToken = default)
    {
        var filtered = EventQueries.Filter(await VisibleAsync(context, cancellationToken),
            ToolInput.Scope(scope), ToolInput.Course(course), ToolInput.Category(category));
        return EventQueries.Page(filtered, ToolInput.Range(limit, nameof(limit), 1, 200));
    }

    [McpServerTool(Name = CalendarToolNames.GetEvent, Title = "Get a calendar event", ReadOnly = true, OpenWorld = false)]
    [Description("Gets one calendar event by its id.")]
    public async Task<CalendarEvent> GetEvent(
        RequestContext<CallToolRequestParams> context,
        [Description("The event's id, as the other calendar tools return it.")] string id,
        CancellationToken cancellationToken = default)
    {
        var stored = await store.GetAsync(ToolInput.Id(id), cancellationToken);
        // Someone else's personal event is answered exactly like one that does not exist.
        return stored is not null && Caller(context).CanSee(stored) ? stored.Event : throw new McpException($"No event with id '{id}'.");
    }

    [McpServerTool(Name = CalendarToolNames.UpcomingEvents, Title = "Upcoming calendar events", ReadOnly = true, OpenWorld = false)]
    [Description("Lists the events from a date (default: today) over the next days, including events already under way such as an examination period.")]
    public async Task<CalendarEventList> UpcomingEvents(
        RequestContext<CallToolRequestParams> context,
        [Description("First day, ISO yyyy-MM-dd; today when omitted.")] string? from = null,
        [Description("How many days ahead to look, from the first day (1-366).")] int days = 30,
        [Description("Only events of this course code, e.g. PHYS-214.")] string? course = null,
        [Description("Only events of this category, e.g. exam or deadline.")] string? category = null,
        [Description("At most this many events (1-200).")] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        var start = ToolInput.OptionalDate(from, nameof(from)) ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var end = start.AddDays(ToolInput.Range(days, nameof(days), 1, ToolInput.MaxSpanDays) - 1);
        var filtered = EventQueries.Filter(await VisibleAsync(context, cancellationToken), null, ToolInput.Course(course), ToolInput.Category(category));
        return EventQueries.Page(filtered.Where(e => EventQueries.Overlaps(e, start, end)), ToolInput.Range(limit, nameof(limit), 1, 200));
    }

    [McpServerTool(Name = CalendarToolNames.EventsByDate, Title = "Calendar events on a date", ReadOnly = true, OpenWorld = false)]
    [Description("Lists the events on one day, or on every day of an inclusive range of at most 366 days.")]
    public async Task<CalendarEventList> EventsByDate(
        RequestContext<CallToolRequestParams> context,
        [Description("The day, or the first day of the range, ISO yyyy-MM-dd.")] string date,
        [Description("The last day of the range (inclusive), ISO yyyy-MM-dd; omit for a single day.")] string? to = null,
        CancellationToken cancellationToken = default)
    {
        var start = ToolInput.Date(date, nameof(date));
        var end = ToolInput.OptionalDate(to, nameof(to)) ?? start;
        if (end < start) throw new McpException($"to {end:yyyy-MM-dd} is before date {start:yyyy-MM-dd}.");
        if (end.DayNumber - start.DayNumber >= ToolInput.MaxSpanDays) throw new McpException($"A range may span at most {ToolInput.MaxSpanDays} days.");
        return EventQueries.Page((await VisibleAsync(context, cancellationToken)).Where(e => EventQueries.Overlaps(e, start, end)), int.MaxValue);
    }

    [McpServerTool(Name = CalendarToolNames.SearchEvents, Title = "Search calendar events", ReadOnly = true, OpenWorld = false)]
    [Description("Finds events whose title, description, course, category or location contain every word of the query (ignoring case).")]
    public async Task<CalendarEventList> SearchEvents(
        RequestContext<CallToolRequestParams> context,
        [Description("Words to look for, e.g. 'final exam' or 'PHYS-214'.")] string query,
        [Description("At most this many events (1-200).")] int limit = 20,
        CancellationToken cancellationToken = default)
    {
        var words = ToolInput.Query(query);
        var max = ToolInput.Range(limit, nameof(limit), 1, 200);
        return EventQueries.Page((await VisibleAsync(context, cancellationToken)).Where(e => EventQueries.Matches(e, words)), max);
    }

    [McpServerTool(Name = CalendarToolNames.EventStatistics, Title = "Calendar statistics", ReadOnly = true, OpenWorld = false)]
    [Description("Counts the events the caller can see: in total, still upcoming, and by category, scope and month (yyyy-MM).")]
    public async Task<CalendarStatistics> EventStatistics(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default) =>
        EventQueries.Statistics(await VisibleAsync(context, cancellationToken), DateOnly.FromDateTime(time.GetLocalNow().DateTime));

    private CalendarCaller Caller(RequestContext<CallToolRequestParams> context) => CalendarCaller.From(context.User, pseudonyms);

    private Task<IReadOnlyList<CalendarEvent>> VisibleAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken) =>
        store.ListVisibleAsync(Caller(context).Owner, cancellationToken);
}
