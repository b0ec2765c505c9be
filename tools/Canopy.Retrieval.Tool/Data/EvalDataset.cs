namespace Canopy.Retrieval.Tool.Data;

/// <summary>A passage to index as one document; <see cref="Body"/> is chunked like any course document.</summary>
public sealed record EvalPassage(string Id, string Title, string Body);

/// <summary>A question and the passage that answers it.</summary>
public sealed record EvalQuestion(string Text, string PassageId);

/// <summary>A retrieval benchmark: passages to index and questions whose answer lies in one passage.</summary>
public sealed record EvalDataset(string Name, IReadOnlyList<EvalPassage> Passages, IReadOnlyList<EvalQuestion> Questions)
{
    /// <summary>
    /// <paramref name="count"/> questions (every <paramref name="stride"/>th from the start) over only the passages they need
    /// plus as many others, taken in file order so that they are mostly from the same articles.
    /// </summary>
    public EvalDataset Slice(int count, int stride = 1)
    {
        var questions = Questions.Where((_, i) => i % stride == 0).Take(count).ToList();
        var needed = questions.Select(q => q.PassageId).ToHashSet(StringComparer.Ordinal);
        var others = Passages.Where(p => !needed.Contains(p.Id)).Take(needed.Count);
        return this with { Questions = questions, Passages = [.. Passages.Where(p => needed.Contains(p.Id)), .. others] };
    }
}
