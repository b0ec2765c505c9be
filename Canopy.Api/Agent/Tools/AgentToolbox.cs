using Canopy.Api.Guardrails;
using Canopy.Api.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Agent.Tools;

/// <summary>A turn's tools, the calendar session behind some of them, and what the model should know when the calendar is away.</summary>
public sealed record AgentTools(IList<AITool> Tools, CalendarConnection? Calendar, string? CalendarProblem) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Calendar?.DisposeAsync() ?? ValueTask.CompletedTask;
}

/// <summary>
/// Gives each turn its tools: the knowledge base, the faculty directory and whatever canopy-calendar lists over MCP; every
/// one wrapped in <see cref="AgentTool"/>, and the calendar's writes marked as needing the student's approval.
/// </summary>
public sealed class AgentToolbox(
    RagClient rag, FacultyDirectory faculty, GuardrailService guardrails, IHttpClientFactory http, IOptions<AgentOptions> options,
    IOptions<RetrievalOptions> retrieval, ILoggerFactory loggers)
{
    public async Task<AgentTools> OpenAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var logger = loggers.CreateLogger<AgentTool>();
        AIFunction Guarded(AIFunction declaration, Func<AIFunctionArguments, CancellationToken, Task<ToolOutput>> run) =>
            new AgentTool(declaration, run, turn, guardrails, settings.ToolTimeout, logger);
        static Func<AIFunctionArguments, CancellationToken, Task<ToolOutput>> Local(AIFunction function) =>
            async (arguments, token) => (ToolOutput)(await function.InvokeAsync(arguments, token))!;

        var knowledgeBase = KnowledgeBaseTool.Create(rag, retrieval.Value.TopK);
        var professors = ProfessorTool.Create(faculty);
        var tools = new List<AITool> { Guarded(knowledgeBase, Local(knowledgeBase)), Guarded(professors, Local(professors)) };

        CalendarConnection? calendar = null;
        string? problem = null;
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(settings.ToolTimeout);
            calendar = await CalendarConnection.OpenAsync(http.CreateClient(CalendarConnection.HttpClientName), new Uri(settings.CalendarUri), loggers, connectTimeout.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The agent still answers from the documents and the directory; the model is told the calendar is away.
            logger.LogWarning(ex, "canopy-calendar could not be reached at {Uri}", settings.CalendarUri);
            problem = "The course calendar is unavailable right now: say so if the student needs it.";
        }
        foreach (var tool in calendar?.Tools ?? [])
        {
            var guarded = Guarded(tool, (arguments, token) => CalendarConnection.CallAsync(tool, arguments, token));
            tools.Add(CalendarConnection.Writes(tool.Name) ? new ApprovalRequiredAIFunction(guarded) : guarded);
        }
        return new AgentTools(tools, calendar, problem);
    }
}
