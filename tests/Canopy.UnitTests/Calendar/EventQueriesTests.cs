using Canopy.Calendar.Tools;
using Canopy.Contracts.Calendar;

namespace Canopy.UnitTests.Calendar;

public sealed class EventQueriesTests
{
    private static readonly CalendarEvent Final = new("phys-214-final-exam", "PHYS-214 Quantum Physics I: final exam", new(2026, 12, 14), new(2026, 12, 22),
        null, null, "exam", "PHYS-214", null, "3 hours, cumulative", CalendarScopes.Course, "syllabus-phys-214-quantum-physics-i.md");

    [Theory]
    [InlineData("2026-12-03", "2026-12-13", false)]
    [InlineData("2026-12-03", "2026-12-14", true)]
    [InlineData("2026-12-18", "2026-12-18", true)]   // under way
    [InlineData("2026-12-23", "2027-01-31", false)]
    public void A_range_event_overlaps_any_day_it_covers(string from, string to, bool overlaps) =>
        Assert.Equal(overlaps, EventQueries.Overlaps(Final, DateOnly.Parse(from), DateOnly.Parse(to)));

    [Theory]
    [InlineData("final exam", true)]
    [InlineData("QUANTUM", true)]
    [InlineData("phys-214 cumulative", true)]
    [InlineData("midterm", false)]
    public void Search_needs_every_word_somewhere_ignoring_case(string query, bool matches) =>
        Assert.Equal(matches, EventQueries.Matches(Final, query));

    [Fact]
    public void Statistics_count_by_category_scope_and_month()
    {
        var own = Final with { Id = "mine", Date = new(2026, 11, 30), EndDate = null, Category = "study", Scope = CalendarScopes.Personal };
        var stats = EventQueries.Statistics([Final, own], new DateOnly(2026, 12, 3));
        Assert.Equal(2, stats.Total);
        Assert.Equal(1, stats.Upcoming);
        Assert.Equal(1, stats.ByCategory["study"]);
        Assert.Equal(1, stats.ByScope[CalendarScopes.Course]);
        Assert.Equal(["2026-11", "2026-12"], stats.ByMonth.Keys);
    }

    [Fact]
    public void A_page_reports_the_total_before_the_limit()
    {
        var page = EventQueries.Page(Enumerable.Repeat(Final, 5), 2);
        Assert.Equal(2, page.Events.Count);
        Assert.Equal(5, page.Total);
    }
}
