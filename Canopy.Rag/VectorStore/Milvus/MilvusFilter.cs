using System.Globalization;
using System.Text;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Builds Milvus boolean expressions with every value as an escaped double-quoted string literal.</summary>
internal static class MilvusFilter
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }
        return builder.Append('"').ToString();
    }

    public static string Equal(string field, string value) => $"{field} == {Quote(value)}";

    public static string In(string field, IEnumerable<string> values) => $"{field} in [{string.Join(", ", values.Select(Quote))}]";

    public static string NotIn(string field, IEnumerable<string> values) => $"{field} not in [{string.Join(", ", values.Select(Quote))}]";

    /// <summary>The expression of a search filter, or null when it restricts nothing; courses compare case-insensitively.</summary>
    public static string? For(SearchFilter filter)
    {
        var parts = new List<string>(2);
        if (filter.Courses is { Count: > 0 } courses)
            parts.Add(In(MilvusSchema.CourseKey, courses.Select(CourseKey).Distinct(StringComparer.Ordinal)));
        if (filter.DocumentIds is { Count: > 0 } documents)
            parts.Add(In(MilvusSchema.DocumentId, documents.Distinct(StringComparer.Ordinal)));
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    /// <summary>The chunks of a document that are not among <paramref name="keepIds"/>: what a replace leaves behind.</summary>
    public static string StaleChunks(string documentId, IReadOnlyCollection<string> keepIds) =>
        keepIds.Count == 0
            ? Equal(MilvusSchema.DocumentId, documentId)
            : $"{Equal(MilvusSchema.DocumentId, documentId)} and {NotIn(MilvusSchema.Id, keepIds)}";

    public static string CourseKey(string? course) => (course ?? "").Trim().ToLowerInvariant();
}
