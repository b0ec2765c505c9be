namespace Canopy.Calendar.Events;

/// <summary>Where events live: SQLite today; a later move to PostgreSQL replaces only this seam.</summary>
public interface ICalendarStore
{
    /// <summary>University and course events, plus the personal events of <paramref name="owner"/> (none when null).</summary>
    Task<IReadOnlyList<CalendarEvent>> ListVisibleAsync(string? owner, CancellationToken cancellationToken);

    Task<StoredEvent?> GetAsync(string id, CancellationToken cancellationToken);

    Task AddAsync(StoredEvent stored, CancellationToken cancellationToken);

    /// <summary>Replaces the event's fields; false when it no longer exists.</summary>
    Task<bool> UpdateAsync(CalendarEvent updated, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds the bundled events in one transaction, once: false (and nothing written) when already seeded.</summary>
    Task<bool> SeedAsync(IReadOnlyList<CalendarEvent> events, CancellationToken cancellationToken);
}
