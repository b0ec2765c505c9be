using System.ComponentModel;
using Canopy.Contracts.Chat;
using Microsoft.Extensions.AI;

namespace Canopy.Api.Agent.Tools;

/// <summary><c>find_professors_by_expertise</c>: the faculty directory's records that match an area, each citable.</summary>
public static class ProfessorTool
{
    public const string Name = "find_professors_by_expertise";
    private const int Limit = 3;

    public static AIFunction Create(FacultyDirectory directory) => AIFunctionFactory.Create(
        ([Description("The area of expertise, subject or course to look for, e.g. 'quantum physics' or 'machine learning'.")] string area) => Find(directory, area),
        new AIFunctionFactoryOptions
        {
            Name = Name,
            Description = "Finds Redwood Digital University professors by area of expertise or subject, with their courses, office and e-mail.",
            MarshalResult = (result, _, _) => ValueTask.FromResult(result),
        });

    private static ToolOutput Find(FacultyDirectory directory, string area)
    {
        if (string.IsNullOrWhiteSpace(area) || area.Length > 200) throw new ToolInputException("Give an area of expertise of 1 to 200 characters.");
        var found = directory.Find(area, Limit);
        var items = found.Select(p => new ToolItem(
            $"{p.Name}, {p.Title}, {p.Department}. Expertise: {string.Join(", ", p.Expertise)}. Courses: {string.Join("; ", p.Courses)}. Office {p.Office}, {p.Email}.",
            index => new CitedSource(index, FacultyDirectory.DocumentId, "Faculty Directory 2026-2027", FacultyDirectory.FileName, p.HeadingPath, p.Section, 1.0))).ToList();
        var summary = found.Count == 0 ? $"No professor found for \"{area}\"." : $"{found.Count} found: {string.Join(", ", found.Select(p => p.Name))}";
        return new ToolOutput(items, summary, $"No professor in the faculty directory matches \"{area}\".");
    }
}
