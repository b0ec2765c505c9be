namespace Canopy.Contracts.Feedback;

/// <summary>Body of canopy-be's <c>POST /api/feedback</c>: a thumbs up or down on the answer of one trace.</summary>
public sealed record FeedbackRequest(
    string? TraceId, string? Rating, string? Comment = null, string? SpanId = null, string? Feature = null, string? Prompt = null, string? Answer = null);
