using System.Text.Json;
using Canopy.Contracts.Calendar;
using Canopy.Contracts.Chat;
using ModelContextProtocol.Protocol;

namespace Canopy.Api.Agent.Tools;

/// <summary>Turns canopy-calendar's tool results (the calendar contracts as JSON) into citable items.</summary>
public static class CalendarResults
{
    private const string CalendarTitle = "Course calendar";
    private const int MaxRawLength = 2000;

    public static ToolOutput From(string tool, CallToolResult result)
    {
        var text = string.Join("\n", result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        if (result.IsError == true) throw new ToolInputException(string.IsNullOrWhiteSpace(text) ? $"{tool} refused the call." : text);
        JsonElement json;
        try
        {
            json = result.StructuredContent is { } structured ? JsonSerializer.SerializeToElement(structured) : JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException)
        {
            return new ToolOutput([new ToolItem(Truncate(text))], Truncate(text, 120));
        }
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("events", out _))
        {
            var list = json.Deserialize<CalendarEventList>(JsonSerializerOptions.Web)!;
            var more = list.Total > list.Events.Count ? $" (of {list.Total})" : "";
            return new ToolOutput([.. list.Events.Select(Item)], list.Events.Count == 0 ? "No events." : $"{list.Events.Count} event{(list.Events.Count == 1 ? "" : "s")}{more}: {Titles(list.Events)}",
                "The calendar has no such events.");
        }
        if (json.ValueKind == JsonValueKind.Object && json.TryGetProperty("title", out _) && json.TryGetProperty("date", out _))
        {
            var one = json.Deserialize<CalendarEvent>(JsonSerializerOptions.Web)!;
            return new ToolOutput([Item(one)], $"{Describe(one)}");
        }
        var raw = Truncate(json.GetRawText());
        return new ToolOutput([new ToolItem(raw)], Truncate(raw, 120));
    }

    /// <summary>One event as the model reads it and as the student sees it cited.</summary>
    public static string Describe(CalendarEvent e)
    {
        var when = e.EndDate is { } end && end != e.Date ? $"{e.Date:yyyy-MM-dd} to {end:yyyy-MM-dd}" : $"{e.Date:yyyy-MM-dd}";
        var time = e.StartTime is null ? "" : e.EndTime is null ? $" {e.StartTime}" : $" {e.StartTime}-{e.EndTime}";
        var course = e.Course is null ? "" : $", {e.Course}";
        var place = e.Location is null ? "" : $", {e.Location}";
        return $"{e.Title}: {when}{time}{course}{place} ({e.Category}, {e.Scope}, id {e.Id})";
    }

    private static ToolItem Item(CalendarEvent e)
    {
        var text = Describe(e) + (e.Description is { Length: > 0 } d ? $". {d}" : "");
        return new ToolItem(text, index => new CitedSource(index, DocumentIdOf(e.Source), CalendarTitle, e.Source, e.Course ?? "University calendar", text, 1.0));
    }

    // A seeded event cites the document it came from, so its card links to that document; a personal one cites the calendar.
    private static string DocumentIdOf(string source) =>
        source.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(source) : "canopy-calendar";

    private static string Titles(IReadOnlyList<CalendarEvent> events) =>
        string.Join(", ", events.Take(3).Select(e => $"{e.Title} ({e.Date:d MMM})")) + (events.Count > 3 ? ", ..." : "");

    private static string Truncate(string text, int max = MaxRawLength) => text.Length <= max ? text : text[..max] + "…";
}
