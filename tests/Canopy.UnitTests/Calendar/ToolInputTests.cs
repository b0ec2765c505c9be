using Canopy.Calendar.Tools;
using Canopy.Contracts.Calendar;
using ModelContextProtocol;

namespace Canopy.UnitTests.Calendar;

/// <summary>What the calendar tools accept from a model, and the messages that let it correct a call.</summary>
public sealed class ToolInputTests
{
    [Theory]
    [InlineData("2026-12-14", 2026, 12, 14)]
    [InlineData(" 2027-01-01 ", 2027, 1, 1)]
    public void An_iso_date_is_read(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ToolInput.Date(text, "date"));

    [Theory]
    [InlineData("14/12/2026")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("next Monday")]
    [InlineData("2026-12-14T10:00")]
    public void Anything_else_is_an_error_that_names_the_format(string text)
    {
        var error = Assert.Throws<McpException>(() => ToolInput.Date(text, "date"));
        Assert.Contains($"date '{text}' is not a valid ISO date", error.Message);
        Assert.Contains("yyyy-MM-dd", error.Message);
    }

    [Fact]
    public void A_missing_required_date_is_an_error_but_an_optional_one_is_null()
    {
        Assert.Contains("date is required", Assert.Throws<McpException>(() => ToolInput.Date(null, "date")).Message);
        Assert.Null(ToolInput.OptionalDate("", "endDate"));
    }

    [Theory]
    [InlineData("09:30", "09:30")]
    [InlineData("23:59", "23:59")]
    [InlineData("", null)]
    public void Times_are_24_hour(string text, string? expected) => Assert.Equal(expected, ToolInput.Time(text, "startTime"));

    [Theory]
    [InlineData("9:30")]
    [InlineData("24:00")]
    [InlineData("10am")]
    public void Other_times_are_refused(string text) =>
        Assert.Contains("HH:mm", Assert.Throws<McpException>(() => ToolInput.Time(text, "startTime")).Message);

    [Fact]
    public void Titles_are_one_to_two_hundred_characters_on_one_line()
    {
        Assert.Equal("Study group", ToolInput.Title("  Study group "));
        Assert.Throws<McpException>(() => ToolInput.Title(" "));
        Assert.Throws<McpException>(() => ToolInput.Title(new string('a', 201)));
        Assert.Throws<McpException>(() => ToolInput.Title("two\nlines"));
        Assert.Equal(200, ToolInput.Title(new string('a', 200)).Length);
    }

    [Fact]
    public void Descriptions_are_limited()
    {
        Assert.Null(ToolInput.Text("  ", "description", ToolInput.MaxDescription));
        Assert.Contains("at most 2000", Assert.Throws<McpException>(() => ToolInput.Text(new string('x', 2001), "description", ToolInput.MaxDescription)).Message);
    }

    [Fact]
    public void Course_codes_are_upper_cased_and_categories_lower_cased_and_known()
    {
        Assert.Equal("PHYS-214", ToolInput.Course("phys-214"));
        Assert.Throws<McpException>(() => ToolInput.Course("quantum physics"));
        Assert.Equal("exam", ToolInput.Category("Exam"));
        Assert.Contains("use one of", Assert.Throws<McpException>(() => ToolInput.Category("party")).Message);
        Assert.Equal("personal", ToolInput.Scope("Personal"));
        Assert.Throws<McpException>(() => ToolInput.Scope("private"));
    }

    [Fact]
    public void Limits_outside_their_range_are_refused() =>
        Assert.Contains("between 1 and 200", Assert.Throws<McpException>(() => ToolInput.Range(0, "limit", 1, 200)).Message);

    [Fact]
    public void An_event_does_not_end_before_it_starts()
    {
        var day = new DateOnly(2026, 12, 3);
        var e = new CalendarEvent("e", "t", day, null, "10:00", "11:00", "other", null, null, null, CalendarScopes.Personal, "personal");
        Assert.Same(e, ToolInput.Consistent(e));
        Assert.Contains("before date", Assert.Throws<McpException>(() => ToolInput.Consistent(e with { EndDate = day.AddDays(-1) })).Message);
        Assert.Contains("before startTime", Assert.Throws<McpException>(() => ToolInput.Consistent(e with { EndTime = "09:00" })).Message);
        Assert.Contains("needs a startTime", Assert.Throws<McpException>(() => ToolInput.Consistent(e with { StartTime = null })).Message);
        Assert.Contains("366 days", Assert.Throws<McpException>(() => ToolInput.Consistent(e with { EndDate = day.AddDays(366) })).Message);
        // On a later day an earlier clock time is fine: 22:00 to 02:00 the next day.
        ToolInput.Consistent(e with { StartTime = "22:00", EndTime = "02:00", EndDate = day.AddDays(1) });
    }
}
