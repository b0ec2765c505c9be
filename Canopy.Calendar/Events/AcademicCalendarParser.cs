using System.Globalization;
using System.Text.RegularExpressions;

namespace Canopy.Calendar.Events;

/// <summary>
/// Reads the "Key Dates" tables of the registrar's academic calendar (Markdown) into university events. A date without a
/// year takes its section's year ("Autumn Semester 2026"); a range's start takes the end's month and year when it omits them.
/// </summary>
public static partial class AcademicCalendarParser
{
    public static IReadOnlyList<CalendarEvent> Parse(string markdown, string sourceName)
    {
        var events = new List<CalendarEvent>();
        string? section = null;
        int? sectionYear = null;
        var inKeyDates = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                sectionYear = Year().Match(section) is { Success: true } year ? int.Parse(year.Value, CultureInfo.InvariantCulture) : null;
                inKeyDates = false;
            }
            else if (line.StartsWith('#'))
                inKeyDates = line.TrimStart('#').Trim().Equals("Key Dates", StringComparison.OrdinalIgnoreCase);
            else if (inKeyDates && section is not null && Row().Match(line) is { Success: true } row && !IsHeaderOrRule(row))
                events.Add(ToEvent(row.Groups[1].Value.Trim(), row.Groups[2].Value.Trim(), section, sectionYear, sourceName));
        }
        return events;
    }

    private static bool IsHeaderOrRule(Match row) =>
        row.Groups[1].Value.Trim() is "Date" || row.Groups[1].Value.Trim().StartsWith("---", StringComparison.Ordinal);

    private static CalendarEvent ToEvent(string dateText, string text, string section, int? sectionYear, string sourceName)
    {
        var (start, end) = ParseDates(dateText, sectionYear);
        var title = SeeAlso().Replace(text, "").Trim();
        var category = Categorize(title);
        var description = category == EventCategories.Deadline
            ? $"{section}, key dates. Deadlines close at 23:59 campus time unless stated otherwise."
            : $"{section}, key dates.";
        return new CalendarEvent($"rdu-{start:yyyy-MM-dd}-{Slug(title)}", title, start, end, null, null, category, null, null, description,
            CalendarScopes.University, sourceName);
    }

    /// <summary>"Fri 21 Aug 2026", "Mon 14 - Tue 22 Dec", "Mon 23 Nov - Fri 11 Dec", "Thu 24 Dec 2026 - Fri 1 Jan 2027".</summary>
    internal static (DateOnly Start, DateOnly? End) ParseDates(string text, int? sectionYear)
    {
        var parts = text.Split(" - ", StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2) throw new FormatException($"'{text}' is neither a date nor a range of dates.");
        var last = Part(parts[^1], text);
        var lastMonth = last.Month ?? throw new FormatException($"'{text}' names no month.");
        var lastYear = last.Year ?? sectionYear ?? throw new FormatException($"'{text}' has no year and its section names none.");
        var lastDate = Checked(last, lastYear, lastMonth, text);
        if (parts.Length == 1) return (lastDate, null);
        var first = Part(parts[0], text);
        var firstMonth = first.Month ?? lastMonth;
        var firstYear = first.Year ?? (firstMonth > lastMonth ? lastYear - 1 : lastYear);
        var firstDate = Checked(first, firstYear, firstMonth, text);
        if (lastDate < firstDate) throw new FormatException($"'{text}' ends before it starts.");
        return (firstDate, lastDate);
    }

    private static (DayOfWeek? Weekday, int Day, int? Month, int? Year) Part(string part, string text)
    {
        var match = DatePart().Match(part);
        if (!match.Success) throw new FormatException($"'{part}' in '{text}' is not a date like 'Fri 21 Aug 2026'.");
        DayOfWeek? weekday = match.Groups["weekday"].Success ? Weekday(match.Groups["weekday"].Value, text) : null;
        int? month = match.Groups["month"].Success ? Month(match.Groups["month"].Value, text) : null;
        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
        return (weekday, int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture), month, year);
    }

    // The weekday printed next to a date catches a wrongly inferred year.
    private static DateOnly Checked((DayOfWeek? Weekday, int Day, int? Month, int? Year) part, int year, int month, string text)
    {
        var date = new DateOnly(year, month, part.Day);
        if (part.Weekday is { } weekday && date.DayOfWeek != weekday)
            throw new FormatException($"'{text}': {date:yyyy-MM-dd} is a {date.DayOfWeek}, not a {weekday}.");
        return date;
    }

    private static DayOfWeek Weekday(string name, string text)
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
            if (day.ToString().StartsWith(name, StringComparison.OrdinalIgnoreCase)) return day;
        throw new FormatException($"'{name}' in '{text}' is not a weekday.");
    }

    private static int Month(string name, string text)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
        var index = Array.FindIndex(names, m => m.Length > 0 && name.StartsWith(m, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + 1 : throw new FormatException($"'{name}' in '{text}' is not a month.");
    }

    /// <summary>What the row's text says it is: a holiday or closure, teaching, an exam, a deadline, or something else.</summary>
    internal static string Categorize(string text)
    {
        var t = text.ToLowerInvariant();
        if (t.Contains("holiday") || t.Contains("no classes") || t.Contains("closure") || t.Contains("closed")) return EventCategories.Holiday;
        if (t.StartsWith("classes ", StringComparison.Ordinal) || t.Contains("of classes")) return EventCategories.Classes;
        if (t.Contains("exam") && !t.Contains("timetable")) return EventCategories.Exam;
        if (t.Contains("deadline") || t.Contains("last day")) return EventCategories.Deadline;
        return EventCategories.Other;
    }

    private static string Slug(string title)
    {
        var slug = NonWord().Replace(title.ToLowerInvariant(), "-").Trim('-');
        return slug.Length <= 40 ? slug : slug[..40].TrimEnd('-');
    }

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Year();

    [GeneratedRegex(@"^\|([^|]*)\|([^|]*)\|$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^(?:(?<weekday>[A-Za-z]{3,9})\s+)?(?<day>\d{1,2})(?:\s+(?<month>[A-Za-z]{3,9}))?(?:\s+(?<year>\d{4}))?$")]
    private static partial Regex DatePart();

    [GeneratedRegex(@"\s*\(see [^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex SeeAlso();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonWord();
}
