using System.Diagnostics;
using Canopy.Contracts.Experiments;

namespace Canopy.Api.Experiments;

/// <summary>Records a preference in both answers' traces: an <c>ab-preference</c> span under each answer's chat span, linked to the other.</summary>
public static class PreferenceTrace
{
    public const string SpanName = "ab-preference";

    public static void Record(long id, Preference preference, AbAnswerRef champion, AbAnswerRef challenger)
    {
        var championContext = Context(champion);
        var challengerContext = Context(challenger);
        var previous = Activity.Current;
        Activity.Current = null;
        try
        {
            Write(id, preference, alias: "champion", champion.Version!.Value, championContext, challengerContext, previous);
            Write(id, preference, alias: "challenger", challenger.Version!.Value, challengerContext, championContext, previous);
        }
        finally
        {
            Activity.Current = previous;
        }
    }

    private static void Write(long id, Preference p, string alias, int version, ActivityContext own, ActivityContext other, Activity? request)
    {
        List<ActivityLink> links = [new(other)];
        if (request is not null) links.Add(new ActivityLink(request.Context));
        using var activity = ApiTelemetry.Source.StartActivity(SpanName, ActivityKind.Internal, own, links: links);
        activity?.SetTag("canopy.ab.preference.id", id);
        activity?.SetTag("canopy.feature", p.Feature);
        activity?.SetTag("canopy.ab.winner", p.Winner);
        activity?.SetTag("canopy.ab.preferred", p.Winner == alias);
        activity?.SetTag(ApiTelemetry.PromptAliasAttribute, alias);
        activity?.SetTag(ApiTelemetry.PromptVersionAttribute, version);
        activity?.SetTag("canopy.ab.other_trace_id", other.TraceId.ToHexString());
        activity?.SetTag(Pseudonyms.Attribute, p.UserPseudoId);
    }

    private static ActivityContext Context(AbAnswerRef answer) => new(
        ActivityTraceId.CreateFromString(answer.TraceId),
        answer.SpanId is null ? ActivitySpanId.CreateRandom() : ActivitySpanId.CreateFromString(answer.SpanId),
        ActivityTraceFlags.Recorded, isRemote: true);
}
