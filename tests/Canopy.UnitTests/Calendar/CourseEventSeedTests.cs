using System.Globalization;
using Canopy.Calendar.Events;
using Canopy.Contracts.Calendar;

namespace Canopy.UnitTests.Calendar;

/// <summary>The hand-checked course events: each one's dates are written in the syllabus it names.</summary>
public sealed class CourseEventSeedTests
{
    private static readonly IReadOnlyList<CalendarEvent> Events =
        CourseEventSeed.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Events", CourseEventSeed.FileName)));

    [Fact]
    public void The_quantum_physics_final_is_the_december_examination_period()
    {
        var final = Events.Single(e => e.Course == "PHYS-214" && e.Category == "exam" && e.EndDate is not null);
        Assert.Equal((new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 22)), (final.Date, final.EndDate!.Value));
        Assert.Equal("syllabus-phys-214-quantum-physics-i.md", final.Source);
        Assert.Equal(CalendarScopes.Course, final.Scope);
    }

    [Fact]
    public void Every_entry_names_an_existing_syllabus_of_its_course_and_that_syllabus_states_its_dates()
    {
        Assert.True(Events.Count >= 15);
        foreach (var e in Events)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Corpus", e.Source);
            Assert.True(File.Exists(path), $"{e.Id}: {e.Source} is not a bundled document");
            var syllabus = File.ReadAllText(path);
            Assert.Contains($"course: {e.Course}", syllabus);
            var stated = e.EndDate is { } end
                ? syllabus.Contains($"{e.Date.Day}-{end.Day} {Month(end)} {end.Year}") || syllabus.Contains($"{e.Date.Day} to {end.Day} {Month(end)}")
                : syllabus.Contains($" {e.Date.Day} {Month(e.Date)}") || syllabus.Contains($" {e.Date.Day} {Month(e.Date)[..3]}") || syllabus.Contains($"({e.Date.Day} {Month(e.Date)[..3]})");
            Assert.True(stated, $"{e.Id}: {e.Date:yyyy-MM-dd}{(e.EndDate is null ? "" : $" to {e.EndDate:yyyy-MM-dd}")} is not written in {e.Source}");
        }
    }

    [Fact]
    public void Every_course_with_a_final_exam_in_its_syllabus_has_it_in_the_calendar()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "syllabus-*.md"))
            if (File.ReadAllText(file).Contains("| Final exam |", StringComparison.Ordinal))
                Assert.Contains(Events, e => e.Source == Path.GetFileName(file) && e.Category == "exam" && e.EndDate is not null);
    }

    [Fact]
    public void An_entry_without_its_syllabus_is_refused() =>
        Assert.Throws<FormatException>(() => CourseEventSeed.Parse("""[{"id":"x","title":"X","date":"2026-12-14","category":"exam","course":"PHYS-214","source":"notes.md"}]"""));

    private static string Month(DateOnly date) => date.ToString("MMMM", CultureInfo.InvariantCulture);
}
