using Canopy.Contracts.Chat;

namespace Canopy.Api.Agent;

/// <summary>How one tool call ended, for its <c>tool_result</c> event.</summary>
public sealed record ToolOutcome(string Status, string Summary);

/// <summary>
/// What one agent turn has gathered so far: the sources its answer may cite (numbered across all tool calls), how each
/// call ended, and how many calls it has made. Tools write it while the event loop reads it.
/// </summary>
public sealed class AgentTurn(string featureId, int maxToolCalls)
{
    private readonly Lock _gate = new();
    private readonly List<CitedSource> _sources = [];
    private readonly Dictionary<string, ToolOutcome> _outcomes = [];
    private int _calls;

    public string FeatureId => featureId;

    /// <summary>Counts a call; false once the turn has used its allowance.</summary>
    public bool TryStartCall() => Interlocked.Increment(ref _calls) <= maxToolCalls;

    /// <summary>Numbers a source as the next citation and keeps it.</summary>
    public int Cite(Func<int, CitedSource> source)
    {
        lock (_gate)
        {
            var index = _sources.Count + 1;
            _sources.Add(source(index));
            return index;
        }
    }

    public IReadOnlyList<CitedSource> Sources
    {
        get { lock (_gate) return [.. _sources]; }
    }

    public void Record(string callId, ToolOutcome outcome)
    {
        lock (_gate) _outcomes[callId] = outcome;
    }

    /// <summary>How every call of the turn so far ended, by call id.</summary>
    public IReadOnlyDictionary<string, ToolOutcome> Outcomes
    {
        get { lock (_gate) return new Dictionary<string, ToolOutcome>(_outcomes); }
    }

    public ToolOutcome? OutcomeOf(string callId)
    {
        lock (_gate) return _outcomes.GetValueOrDefault(callId);
    }
}
