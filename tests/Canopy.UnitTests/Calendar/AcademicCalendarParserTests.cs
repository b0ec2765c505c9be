using Canopy.Calendar.Events;
using Canopy.Contracts.Calendar;

namespace Canopy.UnitTests.Calendar;

/// <summary>The registrar's bundled calendar, parsed as canopy-calendar seeds it.</summary>
public sealed class AcademicCalendarParserTests
{
    private static readonly IReadOnlyList<CalendarEvent> Events = AcademicCalendarParser.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", CalendarSeeder.AcademicCalendarFile)), CalendarSeeder.AcademicCalendarFile);

    private static CalendarEvent Titled(string start) => Events.Single(e => e.Title.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void Every_key_date_of_both_semesters_becomes_one_university_event()
    {
        // 22 rows in the Autumn table, 20 in the Spring one; the teaching-week and summer tables are not key dates.
        Assert.Equal(42, Events.Count);
        Assert.Equal(22, Events.Count(e => e.Description!.StartsWith("Autumn Semester 2026", StringComparison.Ordinal)));
        Assert.Equal(Events.Count, Events.Select(e => e.Id).Distinct().Count());
        Assert.All(Events, e =>
        {
            Assert.Equal(CalendarScopes.University, e.Scope);
            Assert.Equal("academic-calendar-2026-2027.md", e.Source);
            Assert.Null(e.Course);
        });
    }

    [Fact]
    public void A_single_date_takes_its_sections_year()
    {
        var labourDay = Titled("Labour Day");
        Assert.Equal(new DateOnly(2026, 9, 7), labourDay.Date);
        Assert.Null(labourDay.EndDate);
        // The Spring row "Fri 5 Feb" is in 2027, the Autumn row "Fri 18 Sep" in 2026.
        Assert.Equal([new DateOnly(2026, 9, 18), new DateOnly(2027, 2, 5)],
            Events.Where(e => e.Title.StartsWith("Last day to drop a course", StringComparison.Ordinal)).Select(e => e.Date).Order());
    }

    [Fact]
    public void A_same_month_range_takes_the_month_of_its_end()
    {
        var exams = Events.Where(e => e.Title == "Final examination period").OrderBy(e => e.Date).ToList();
        Assert.Equal([(new DateOnly(2026, 12, 14), new DateOnly(2026, 12, 22)), (new DateOnly(2027, 5, 3), new DateOnly(2027, 5, 11))],
            exams.Select(e => (e.Date, e.EndDate!.Value)));
        Assert.All(exams, e => Assert.Equal("exam", e.Category));
    }

    [Fact]
    public void Ranges_across_months_and_years_are_read_whole()
    {
        var evaluations = Events.First(e => e.Title.StartsWith("Online course evaluations", StringComparison.Ordinal));
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 11)), (evaluations.Date, evaluations.EndDate!.Value));
        var closure = Titled("University closure");
        Assert.Equal((new DateOnly(2026, 12, 24), new DateOnly(2027, 1, 1)), (closure.Date, closure.EndDate!.Value));
        // In the Autumn section, but in the new year because the row says so.
        var deferred = Titled("Deferred and supplementary exams for Autumn");
        Assert.Equal((new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 14)), (deferred.Date, deferred.EndDate!.Value));
    }

    [Theory]
    [InlineData("Classes begin (week 1)", "classes")]
    [InlineData("Last day of classes", "classes")]
    [InlineData("Labour Day, university holiday, no classes", "holiday")]
    [InlineData("Reading week, no classes", "holiday")]
    [InlineData("University closure, all buildings closed", "holiday")]
    [InlineData("Week 7, common week for midterm exams", "exam")]
    [InlineData("Final examination timetable published", "other")]
    [InlineData("Last day to add a course", "deadline")]
    [InlineData("MSc thesis submission deadline for Autumn completion", "deadline")]
    [InlineData("Winter Commencement ceremony", "other")]
    public void Categories_follow_the_text(string title, string category)
    {
        Assert.Equal(category, AcademicCalendarParser.Categorize(title));
        Assert.Contains(Events, e => e.Title == title && e.Category == category);
    }

    [Fact]
    public void A_pointer_to_another_section_is_not_part_of_the_title()
    {
        var tuition = Events.Single(e => e.Date == new DateOnly(2026, 8, 21));
        Assert.Equal("Tuition payment deadline for Autumn", tuition.Title);
        Assert.Equal("deadline", tuition.Category);
    }

    [Theory]
    [InlineData("Tue 7 Sep", 2026)]          // 7 September 2026 is a Monday
    [InlineData("Mon 14 - Tue 22", 2026)]    // no month
    [InlineData("Fri 30 Apr - Mon 3 Apr", 2027)]
    [InlineData("Mon 14 Dec", null)]          // no year anywhere
    public void A_date_that_does_not_add_up_is_refused(string text, int? year) =>
        Assert.Throws<FormatException>(() => AcademicCalendarParser.ParseDates(text, year));
}
