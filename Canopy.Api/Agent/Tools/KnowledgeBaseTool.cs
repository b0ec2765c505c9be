using System.ComponentModel;
using Canopy.Api.Retrieval;
using Canopy.Contracts;
using Canopy.Contracts.Chat;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Agent.Tools;

/// <summary><c>search_knowledge_base</c>: canopy-rag's search over the course documents, each passage citable.</summary>
public static class KnowledgeBaseTool
{
    public const string Name = "search_knowledge_base";

    public static AIFunction Create(RagClient rag, int topK) => AIFunctionFactory.Create(
        ([Description("What to look for in the course documents (syllabi, lecture notes, programs, policies, calendar).")] string query,
            CancellationToken cancellationToken) => SearchAsync(rag, topK, query, cancellationToken),
        new AIFunctionFactoryOptions
        {
            Name = Name,
            Description = "Searches Redwood Digital University's course documents and returns the most relevant passages.",
            MarshalResult = (result, _, _) => ValueTask.FromResult(result),
        });

    private static async Task<ToolOutput> SearchAsync(RagClient rag, int topK, string query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query) || query.Length > RequestLimits.MaxSearchQueryLength)
            throw new ToolInputException($"Give a search query of 1 to {RequestLimits.MaxSearchQueryLength} characters.");
        var passages = await rag.SearchAsync(query, topK, cancellationToken);
        var items = passages.Select(p => new ToolItem($"{p.Title} ({p.HeadingPath}): {p.Text}", index => CitedSource.Of(index, p))).ToList();
        var summary = passages.Count == 0 ? "No passage found." : $"{passages.Count} passages: {string.Join(", ", passages.Select(p => p.Title).Distinct())}";
        return new ToolOutput(items, summary, "The course documents have nothing on this.");
    }
}
