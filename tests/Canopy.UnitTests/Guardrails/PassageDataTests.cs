using Canopy.Guardrails.Tool.Data;

namespace Canopy.UnitTests.Guardrails;

/// <summary>The readings and handouts written for the repository train the indirect-injection classifier as carriers, one per genre.</summary>
public sealed class PassageDataTests
{
    [SkippableFact]
    public void The_readings_are_one_dataset_with_a_carrier_per_genre()
    {
        var root = GuardrailTestKit.SolutionFolder();
        Skip.If(root is null, "Canopy.sln is not above the test binaries, so eval/train/readings.jsonl cannot be found.");

        var readings = PassageData.Readings(new DataFolders(root!, null));

        Assert.Equal(480, readings.Count);
        Assert.All(readings, r => Assert.Equal(PassageData.ReadingsGroup, r.Group));
        Assert.All(readings, r => Assert.False(r.HasInstruction));
        Assert.Equal(12, readings.Select(r => r.Carrier).Distinct().Count());
        Assert.All(readings.GroupBy(r => r.Carrier), g => Assert.Equal(40, g.Count()));
        Assert.Equal(readings.Count, readings.Select(r => r.Text).Distinct().Count());
    }

    [Fact]
    public void Without_the_readings_file_there_are_no_readings_carriers()
    {
        var empty = Directory.CreateTempSubdirectory("canopy-no-readings");
        try
        {
            Assert.Empty(PassageData.Readings(new DataFolders(empty.FullName, null)));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public void The_readings_become_carriers_next_to_the_pools()
    {
        var root = GuardrailTestKit.SolutionFolder();
        Skip.If(root is null, "Canopy.sln is not above the test binaries, so eval/train/readings.jsonl cannot be found.");
        var readings = PassageData.Readings(new DataFolders(root!, null));
        LabelledRow svamp = new("svamp:1", "svamp", "svamp", RowKind.StudentQuestion,
            "A baker had 48 loaves in the morning and sold 17 of them before noon, then baked 25 more for the afternoon rush. How many loaves did the baker have at the end of the day?", "MIT");

        var carriers = PassageData.Carriers([svamp], readings);

        Assert.Equal(readings.Count, carriers.Count(c => c.Group == PassageData.ReadingsGroup));
        Assert.Contains(carriers, c => c.Carrier == "svamp");
    }
}
