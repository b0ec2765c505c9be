using Canopy.Api.Llm;
using Canopy.Api.Prompts;
using Canopy.Contracts.Chat;

namespace Canopy.Api.Agent;

/// <summary>
/// One turn of the agent as the pipeline decided it: the provider and prompt version, the conversation, the student's
/// message after the input guardrails (null when the turn only answers confirmations) and those answers.
/// </summary>
public sealed record AgentRequest(
    string FeatureId, LlmProvider Provider, ResolvedPrompt Prompt, string ConversationId, string? Message,
    IReadOnlyList<ToolConfirmation> Confirmations);

/// <summary>How the turn ended (<c>stop</c>, <c>length</c>, or <c>confirmation</c> while a write waits) and what it cost.</summary>
public sealed record AgentResult(string FinishReason, long InputTokens, long OutputTokens, TimeSpan Duration);
