using System.CommandLine;
using Canopy.Guardrails.Tool.Commands;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.UnitTests.Guardrails;

/// <summary>The evaluation command's options: another seed measures how the figures move and never overwrites the report.</summary>
public sealed class EvaluateCommandTests
{
    private static ParseResult Parse(params string[] args) =>
        EvaluateCommand.Create(new Option<string?>("--repo")).Parse(args);

    [Fact]
    public void A_seed_cannot_be_combined_with_writing_the_report()
    {
        Assert.Contains(Parse("--write", "--seed", "1").Errors, e => e.Message.Contains("--write", StringComparison.Ordinal));
        Assert.Empty(Parse("--skip-held-out", "--seed", "1").Errors);
        Assert.Empty(Parse("--write").Errors);
    }

    [Fact]
    public void Another_seed_changes_every_classifier_seed_and_nothing_else()
    {
        var shipped = GuardrailSettings.Default;
        var reseeded = shipped.WithSeed(7);

        Assert.Equal((7, 7, 7, 7), (reseeded.Harm.Seed, reseeded.Context.Seed, reseeded.Injection.Seed, reseeded.Purpose.Seed));
        Assert.Equal(shipped, reseeded with { Harm = shipped.Harm, Context = shipped.Context, Injection = shipped.Injection, Purpose = shipped.Purpose });
        Assert.Equal(shipped.Purpose, reseeded.Purpose with { Seed = shipped.Purpose.Seed });
        Assert.Equal(shipped.Harm, reseeded.Harm with { Seed = shipped.Harm.Seed });
        Assert.Equal(shipped.Context, reseeded.Context with { Seed = shipped.Context.Seed });
        Assert.Equal(shipped.Injection, reseeded.Injection with { Seed = shipped.Injection.Seed });
    }
}
