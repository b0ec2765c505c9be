namespace Canopy.Calendar.Events;

/// <summary>An event as kept: the wire record plus its owner's pseudonymous id (null for university and course events).</summary>
public sealed record StoredEvent(CalendarEvent Event, string? Owner);
