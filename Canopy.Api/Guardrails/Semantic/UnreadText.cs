using System.Diagnostics;

namespace Canopy.Api.Guardrails.Semantic;

/// <summary>
/// Records a text a semantic classifier's English stages left unread because it is not English (the harm classifier's
/// reader of other languages, <see cref="OtherLanguageStage"/>, is weaker and may still have scored it): the blind spot, made
/// visible per check (an event on the guardrails-check span) and over time (<see cref="ApiTelemetry.GuardrailUnread"/>),
/// with the script it is written in and never the text.
/// </summary>
public static class UnreadText
{
    /// <param name="pieces">For a passage, how many of its pieces went unread; a request is one.</param>
    public static void Record(string detector, GuardrailStage stage, string text, int pieces = 1)
    {
        var script = EnglishText.Script(text);
        var stageName = GuardrailService.StageName(stage);
        ApiTelemetry.GuardrailUnread.Add(1,
            new KeyValuePair<string, object?>("canopy.guardrails.detector", detector),
            new KeyValuePair<string, object?>("canopy.guardrails.stage", stageName),
            new KeyValuePair<string, object?>("canopy.guardrails.unread.script", script));
        Activity.Current?.AddEvent(new ActivityEvent(ApiTelemetry.UnreadEvent, tags: new ActivityTagsCollection
        {
            ["canopy.guardrails.detector"] = detector,
            ["canopy.guardrails.unread.script"] = script,
            ["canopy.guardrails.unread.pieces"] = pieces,
        }));
    }
}
