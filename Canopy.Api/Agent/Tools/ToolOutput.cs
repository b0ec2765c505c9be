using Canopy.Contracts.Chat;

namespace Canopy.Api.Agent.Tools;

/// <summary>One piece of a tool's result: text the model reads, and the source it is cited as, when it can be cited.</summary>
public sealed record ToolItem(string Text, Func<int, CitedSource>? Source = null);

/// <summary>
/// A tool's result before the guardrails: its items, what the student sees of it (<see cref="Summary"/>), and what the
/// model hears when nothing is left (<see cref="Empty"/>).
/// </summary>
public sealed record ToolOutput(IReadOnlyList<ToolItem> Items, string Summary, string Empty = "Nothing was found.");

/// <summary>The model's arguments cannot be used; the message goes back to the model (and the student) as the result.</summary>
public sealed class ToolInputException(string message) : Exception(message);
