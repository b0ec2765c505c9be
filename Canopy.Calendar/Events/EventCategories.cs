namespace Canopy.Calendar.Events;

/// <summary>The categories an event may have; the seed uses the first five, students may also file their own kinds.</summary>
public static class EventCategories
{
    public const string Deadline = "deadline";
    public const string Holiday = "holiday";
    public const string Exam = "exam";
    public const string Classes = "classes";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Deadline, Holiday, Exam, Classes, "assignment", "lecture", "meeting", "study", Other];
}
