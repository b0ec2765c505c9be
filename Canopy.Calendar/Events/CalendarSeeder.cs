namespace Canopy.Calendar.Events;

/// <summary>
/// On the first start, fills the calendar with the registrar's key dates and the syllabi's course events, in one
/// transaction: a crash midway leaves nothing, and the next start seeds again. Later starts change nothing.
/// </summary>
public sealed class CalendarSeeder(ICalendarStore store, ILogger<CalendarSeeder> logger) : IHostedService
{
    public const string AcademicCalendarFile = "academic-calendar-2026-2027.md";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var events = await BundledEventsAsync(cancellationToken);
        if (await store.SeedAsync(events, cancellationToken))
            logger.LogInformation("Calendar seeded with {Count} university and course events.", events.Count);
        else
            logger.LogInformation("Calendar already seeded; nothing added.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The events the service ships with, read from the files copied next to it.</summary>
    public static async Task<IReadOnlyList<CalendarEvent>> BundledEventsAsync(CancellationToken cancellationToken)
    {
        var calendar = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Corpus", AcademicCalendarFile), cancellationToken);
        var courses = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Events", CourseEventSeed.FileName), cancellationToken);
        return [.. AcademicCalendarParser.Parse(calendar, AcademicCalendarFile), .. CourseEventSeed.Parse(courses)];
    }
}
