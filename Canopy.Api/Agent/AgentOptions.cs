using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Agent;

/// <summary>The student assistant's limits and where its tools and memory live (<c>Canopy:Agent</c>).</summary>
public sealed class AgentOptions
{
    public const string Section = "Canopy:Agent";

    /// <summary>Most tool calls one turn may make; past it the model is told to answer with what it has.</summary>
    [Range(1, 32)]
    public int MaxToolCallsPerTurn { get; set; } = 8;

    /// <summary>How long one tool call may take before the model hears that it timed out.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>canopy-calendar's MCP endpoint (service discovery resolves the name).</summary>
    [Required]
    public string CalendarUri { get; set; } = "http://canopy-calendar/mcp";

    /// <summary>Earlier exchanges of a conversation the agent remembers (a user message and all that answered it).</summary>
    [Range(1, 100)]
    public int MemoryTurns { get; set; } = 10;

    /// <summary>Directory of the conversation memory database; relative paths are under the content root.</summary>
    [Required]
    public string DataPath { get; set; } = ".canopy-data";
}
