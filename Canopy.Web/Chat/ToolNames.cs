using Canopy.Contracts.Calendar;

namespace Canopy.Web.Chat;

/// <summary>The student assistant's tools as a student reads them: "Find professors", not <c>find_professors_by_expertise</c>.</summary>
public static class ToolNames
{
    public const string SearchKnowledgeBase = "search_knowledge_base";
    public const string FindProfessors = "find_professors_by_expertise";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [SearchKnowledgeBase] = "Search documents",
        [FindProfessors] = "Find professors",
        [CalendarToolNames.ListEvents] = "List events",
        [CalendarToolNames.GetEvent] = "Get event",
        [CalendarToolNames.CreateEvent] = "Create event",
        [CalendarToolNames.UpdateEvent] = "Update event",
        [CalendarToolNames.DeleteEvent] = "Delete event",
        [CalendarToolNames.UpcomingEvents] = "Upcoming events",
        [CalendarToolNames.EventsByDate] = "Events by date",
        [CalendarToolNames.SearchEvents] = "Search events",
        [CalendarToolNames.EventStatistics] = "Event statistics",
    };

    // What the confirmation card asks: "Canopy wants to create an event".
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [CalendarToolNames.CreateEvent] = "create an event",
        [CalendarToolNames.UpdateEvent] = "update an event",
        [CalendarToolNames.DeleteEvent] = "delete an event",
    };

    /// <summary>The tool's readable name; a tool this UI does not know yet is shown by its own name, in words.</summary>
    public static string Readable(string tool) =>
        Names.TryGetValue(tool, out var name) ? name : Capitalize(tool.Replace('_', ' ').Trim());

    /// <summary>The tool as the end of "Canopy wants to …".</summary>
    public static string Action(string tool) => Actions.TryGetValue(tool, out var action) ? action : Readable(tool).ToLowerInvariant();

    private static string Capitalize(string words) => words.Length == 0 ? "Tool" : char.ToUpperInvariant(words[0]) + words[1..];
}
