using System.Globalization;
using System.Text.RegularExpressions;
using Canopy.Calendar.Events;
using ModelContextProtocol;

namespace Canopy.Calendar.Tools;

/// <summary>
/// Checks what a model passed to a tool. Every failure is an <see cref="McpException"/>, whose message the SDK returns as
/// the tool's error result, so the model can correct itself.
/// </summary>
public static partial class ToolInput
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 2000;
    public const int MaxLocation = 200;
    public const int MaxSpanDays = 366;

    public static DateOnly Date(string? value, string name) =>
        OptionalDate(value, name) ?? throw new McpException($"{name} is required: an ISO date yyyy-MM-dd, e.g. 2026-12-14.");

    public static DateOnly? OptionalDate(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new McpException($"{name} '{value}' is not a valid ISO date: use yyyy-MM-dd, e.g. 2026-12-14.");
    }

    public static string? Time(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return TimeOnly.TryParseExact(value.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : throw new McpException($"{name} '{value}' is not a valid time: use 24-hour HH:mm, e.g. 09:30.");
    }

    public static string Title(string? value)
    {
        var title = value?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitle) throw new McpException($"title must be 1 to {MaxTitle} characters.");
        return NoControlCharacters(title, "title");
    }

    public static string? Text(string? value, string name, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = value.Trim();
        if (text.Length > max) throw new McpException($"{name} must be at most {max} characters (it has {text.Length}).");
        return text;
    }

    /// <summary>A course code like PHYS-214 (upper-cased).</summary>
    public static string? Course(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var course = value.Trim().ToUpperInvariant();
        return CourseCode().IsMatch(course) ? course : throw new McpException($"course '{value}' is not a course code like PHYS-214.");
    }

    public static string? Category(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var category = value.Trim().ToLowerInvariant();
        return EventCategories.All.Contains(category)
            ? category
            : throw new McpException($"category '{value}' is unknown: use one of {string.Join(", ", EventCategories.All)}.");
    }

    public static string? Scope(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var scope = value.Trim().ToLowerInvariant();
        return scope is CalendarScopes.University or CalendarScopes.Course or CalendarScopes.Personal
            ? scope
            : throw new McpException($"scope '{value}' is unknown: use {CalendarScopes.University}, {CalendarScopes.Course} or {CalendarScopes.Personal}.");
    }

    public static int Range(int value, string name, int min, int max) =>
        value >= min && value <= max ? value : throw new McpException($"{name} must be between {min} and {max} (got {value}).");

    public static string Id(string? value)
    {
        var id = value?.Trim() ?? "";
        return id.Length is > 0 and <= 100 ? id : throw new McpException("id is required: the id of an event as the calendar tools return it.");
    }

    public static string Query(string? value)
    {
        var query = value?.Trim() ?? "";
        return query.Length is > 0 and <= MaxTitle ? query : throw new McpException($"query must be 1 to {MaxTitle} characters.");
    }

    /// <summary>The rules between fields: the end is not before the start, an end time needs a start time, a span stays within a year.</summary>
    public static CalendarEvent Consistent(CalendarEvent e)
    {
        if (e.EndDate is { } end)
        {
            if (end < e.Date) throw new McpException($"endDate {end:yyyy-MM-dd} is before date {e.Date:yyyy-MM-dd}.");
            if (end.DayNumber - e.Date.DayNumber >= MaxSpanDays) throw new McpException($"an event may span at most {MaxSpanDays} days.");
        }
        if (e.EndTime is not null && e.StartTime is null) throw new McpException("endTime needs a startTime.");
        var sameDay = e.EndDate is null || e.EndDate == e.Date;
        if (sameDay && e.EndTime is not null && string.CompareOrdinal(e.EndTime, e.StartTime) < 0)
            throw new McpException($"endTime {e.EndTime} is before startTime {e.StartTime}.");
        return e;
    }

    private static string NoControlCharacters(string value, string name) =>
        value.Any(char.IsControl) ? throw new McpException($"{name} must be a single line of text.") : value;

    [GeneratedRegex(@"^[A-Z]{2,5}-\d{3}[A-Z]?$")]
    private static partial Regex CourseCode();
}
