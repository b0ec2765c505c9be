using System.Text.Json;

namespace Canopy.Calendar.Events;

/// <summary>The hand-checked course events of the bundled syllabi (Events/course-events.json): each entry names its syllabus.</summary>
public static class CourseEventSeed
{
    public const string FileName = "course-events.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<CalendarEvent> Parse(string json)
    {
        var entries = JsonSerializer.Deserialize<List<CalendarEvent>>(json, Json) ?? [];
        return entries.Select(Checked).ToList();
    }

    // A seed entry that would fail the tools' own validation must stop the start, not reach a student.
    private static CalendarEvent Checked(CalendarEvent entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Title) || entry.Course is null)
            throw new FormatException($"{FileName}: every entry needs an id, a title and a course ({entry.Id}).");
        if (!EventCategories.All.Contains(entry.Category)) throw new FormatException($"{FileName}: {entry.Id} has an unknown category '{entry.Category}'.");
        if (entry.Source is null || !entry.Source.StartsWith("syllabus-", StringComparison.Ordinal))
            throw new FormatException($"{FileName}: {entry.Id} must name its syllabus as its source.");
        if (entry.EndDate < entry.Date) throw new FormatException($"{FileName}: {entry.Id} ends before it starts.");
        return entry with { Scope = CalendarScopes.Course };
    }
}
