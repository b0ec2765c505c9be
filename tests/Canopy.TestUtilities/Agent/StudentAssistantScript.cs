using System.Text.Json;
using System.Text.RegularExpressions;
using Canopy.TestUtilities.Loopback;

namespace Canopy.TestUtilities.Agent;

/// <summary>
/// A model's part in the student assistant's tests, scripted: for the professor-and-exam question it looks up the
/// professor, then the course's next exam, then answers citing both results; for "add ... to my calendar" it asks to
/// create the event, then says what happened. It reads only the request, as a real model would.
/// </summary>
public static partial class StudentAssistantScript
{
    public const string ProfessorQuestion = "Who teaches quantum physics, and when is the next exam for that course?";
    public const string CreateRequest = "Add a PHYS-214 study group on 2026-12-10 at 14:00 to my calendar.";
    public const string StudyGroupTitle = "PHYS-214 study group";

    public static ScriptedReply Reply(JsonElement body)
    {
        var messages = body.GetProperty("messages").EnumerateArray().ToList();
        var question = messages.LastOrDefault(m => Role(m) == "user" && Content(m).Length > 0) is { ValueKind: JsonValueKind.Object } user ? Content(user) : "";
        var lastUser = messages.FindLastIndex(m => Role(m) == "user" && Content(m).Length > 0);
        var results = messages.Skip(lastUser + 1).Where(m => Role(m) == "tool").Select(Content).ToList();

        if (question.Contains("quantum", StringComparison.OrdinalIgnoreCase))
        {
            if (results.Count == 0) return ScriptedReply.Call("find_professors_by_expertise", new { area = "quantum physics" });
            if (results.Count == 1)
                return ScriptedReply.Call("upcoming_events", new { course = CourseCode().Match(results[0]).Value, category = "exam", from = "2026-12-01", days = 60 });
            return ScriptedReply.Text($"{Name().Match(results[0]).Value} teaches {CourseCode().Match(results[0]).Value} Quantum Physics I {Citation(results[0])}. ",
                $"The next exam for that course is the final exam in the examination period from 14 to 22 December 2026 {Citation(results[1])}.");
        }
        if (question.Contains("study group", StringComparison.OrdinalIgnoreCase))
        {
            if (results.Count == 0)
                return ScriptedReply.Call("create_event", new { title = StudyGroupTitle, date = "2026-12-10", startTime = "14:00", category = "study" });
            return results[0].Contains("rejected", StringComparison.OrdinalIgnoreCase)
                ? ScriptedReply.Text("All right, I did not add the study group to your calendar.")
                : ScriptedReply.Text($"Done: the study group is in your calendar on 10 December 2026 at 14:00 {Citation(results[0])}.");
        }
        return ScriptedReply.Text("I can look up professors, course documents and your calendar.");
    }

    private static string Citation(string toolResult) => CitationPattern().Match(toolResult) is { Success: true } m ? m.Value : "";

    private static string Role(JsonElement message) => message.TryGetProperty("role", out var role) ? role.GetString() ?? "" : "";

    /// <summary>A message's text, whether the client sent it as a string or as content parts.</summary>
    private static string Content(JsonElement message) =>
        !message.TryGetProperty("content", out var content) ? ""
        : content.ValueKind == JsonValueKind.String ? content.GetString() ?? ""
        : content.ValueKind == JsonValueKind.Array ? string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""))
        : "";

    [GeneratedRegex(@"\b[A-Z]{2,5}-\d{3}\b")]
    private static partial Regex CourseCode();

    [GeneratedRegex(@"Dr\. [A-Z][a-z]+ [A-Z][a-z]+")]
    private static partial Regex Name();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex CitationPattern();
}
