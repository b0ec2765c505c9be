using System.Net;
using System.Net.Http.Json;
using Canopy.Contracts.Feedback;

namespace Canopy.Web.Feedback;

public enum FeedbackOutcome { Saved, Unavailable, Rejected, SessionExpired }

/// <summary>Sends thumbs up/down for one answer, identified by its trace id.</summary>
public sealed class FeedbackClient(HttpClient http, ILogger<FeedbackClient> logger)
{
    public async Task<FeedbackOutcome> SendAsync(FeedbackRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/feedback", request, cancellationToken);
            if (response.IsSuccessStatusCode) return FeedbackOutcome.Saved;
            if (response.StatusCode == HttpStatusCode.Unauthorized) return FeedbackOutcome.SessionExpired;
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.ServiceUnavailable) return FeedbackOutcome.Unavailable;
            logger.LogWarning("Feedback was rejected: {Status} {Body}", (int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
            return FeedbackOutcome.Rejected;
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Feedback could not be sent");
            return FeedbackOutcome.Unavailable;
        }
    }
}
