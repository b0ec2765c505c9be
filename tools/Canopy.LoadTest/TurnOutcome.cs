namespace Canopy.LoadTest;

public enum TurnKind { Answered, Shed, Error }

/// <summary>One chat turn as the client saw it: how it ended, how long it took, and when its first event and first text arrived.</summary>
public sealed record TurnOutcome(TurnKind Kind, TimeSpan Total, TimeSpan? FirstEvent, TimeSpan? FirstDelta, string? Reason = null, TimeSpan? RetryAfter = null);
