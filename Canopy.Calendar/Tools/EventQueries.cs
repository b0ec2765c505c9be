using System.Globalization;

namespace Canopy.Calendar.Tools;

/// <summary>The read tools' filters and counts over the events a caller can see (a calendar is small: it is filtered in memory).</summary>
public static class EventQueries
{
    /// <summary>Whether the event (a day or a range) touches the inclusive range from..to.</summary>
    public static bool Overlaps(CalendarEvent e, DateOnly from, DateOnly to) => e.Date <= to && (e.EndDate ?? e.Date) >= from;

    public static IEnumerable<CalendarEvent> Filter(IEnumerable<CalendarEvent> events, string? scope, string? course, string? category) =>
        events.Where(e => (scope is null || e.Scope == scope)
            && (course is null || string.Equals(e.Course, course, StringComparison.OrdinalIgnoreCase))
            && (category is null || e.Category == category));

    /// <summary>Every word of the query appears (ignoring case) in the title, description, course, category or location.</summary>
    public static bool Matches(CalendarEvent e, string query)
    {
        var text = string.Join('\n', e.Title, e.Description, e.Course, e.Category, e.Location);
        return query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    public static CalendarEventList Page(IEnumerable<CalendarEvent> events, int limit)
    {
        var all = events.ToList();
        return new CalendarEventList(all.Take(limit).ToList(), all.Count);
    }

    public static CalendarStatistics Statistics(IReadOnlyList<CalendarEvent> events, DateOnly today) => new(
        events.Count,
        events.Count(e => (e.EndDate ?? e.Date) >= today),
        Count(events, e => e.Category),
        Count(events, e => e.Scope),
        Count(events, e => e.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)));

    private static SortedDictionary<string, int> Count(IEnumerable<CalendarEvent> events, Func<CalendarEvent, string> key) =>
        new(events.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
