using Canopy.Api.Agent.Tools;

namespace Canopy.UnitTests.Agent;

/// <summary>The bundled faculty directory, parsed, and the professor lookup over it.</summary>
public sealed class FacultyDirectoryTests
{
    private static readonly FacultyDirectory Directory = FacultyDirectory.Parse(
        File.ReadAllText(Path.Combine(Canopy.TestUtilities.Files.RepoFiles.Root, "Canopy.Rag", "Corpus", FacultyDirectory.FileName)));

    [Fact]
    public void Every_professor_of_the_overview_table_is_a_record_with_expertise_courses_and_contact()
    {
        Assert.Equal(12, Directory.Professors.Count);
        var okafor = Directory.Professors.Single(p => p.Name == "Dr. Amara Okafor");
        Assert.Equal(("Associate Professor", "Physics", "Halley Hall 312", "amara.okafor@redwood.example"), (okafor.Title, okafor.Department, okafor.Office, okafor.Email));
        Assert.Contains("quantum entanglement", okafor.Expertise);
        Assert.Equal(["PHYS-214 Quantum Physics I", "CS-460 Quantum Computing (cross-listed with Computer Science)"], okafor.Courses);
        Assert.Equal("Department of Physics > Dr. Amara Okafor", okafor.HeadingPath);
        Assert.All(Directory.Professors, p => Assert.NotEmpty(p.Expertise));
        Assert.All(Directory.Professors, p => Assert.NotEmpty(p.Courses));
    }

    [Theory]
    [InlineData("quantum physics", "Dr. Amara Okafor")]
    [InlineData("Who teaches machine learning?", "Dr. Yuki Tanabe")]
    [InlineData("hash tables and hashing", "Dr. Priya Raman")]
    [InlineData("Bayesian statistics", "Dr. Samuel Osei")]
    [InlineData("LiDAR", "Dr. Kofi Mensah")]
    [InlineData("MATH-201", "Dr. Nadia Benali")]
    public void The_best_match_comes_first(string area, string expected)
    {
        Assert.Equal(expected, Directory.Find(area, 3)[0].Name);
    }

    [Theory]
    [InlineData("medieval poetry")]
    [InlineData("the of and")]
    [InlineData("")]
    public void An_area_nobody_covers_finds_nobody(string area)
    {
        Assert.Empty(Directory.Find(area, 3));
    }

    [Fact]
    public void Weak_partial_matches_are_left_out_once_a_strong_one_exists()
    {
        var found = Directory.Find("quantum physics", 3);

        Assert.DoesNotContain(found, p => p.Department != "Physics");
    }
}
