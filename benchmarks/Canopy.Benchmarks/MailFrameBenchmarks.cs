using BenchmarkDotNet.Attributes;
using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;

namespace Canopy.Benchmarks;

/// <summary>
/// What reading a passage as mail costs at the context stage (the letter frame, and the search after its body for a
/// task for the model) beside the whole indirect-injection detector on the same 2,000-character e-mail thread, which holds no task,
/// so the detector reads every piece.
/// </summary>
[MemoryDiagnoser]
public class MailFrameBenchmarks
{
    private static readonly string Mail = ("Subject: Re: Group project plan\n\nHi all,\n\nThanks for the notes from Tuesday. " +
        string.Concat(Enumerable.Repeat("I have put the survey results in the shared folder, and the figures for chapter two are nearly done. " +
            "Could you each check your section before Friday and let me know if anything is missing? ", 8)) +
        "\n\nBest,\nAmira\n\nP.S. Bring the printouts.\n\nOn Tue, 4 Mar 2025 at 18:30, Felix Grant wrote:\n> Wednesday works for me too. 1pm?\n> Felix").PadRight(2000, ' ')[..2000];

    private readonly IndirectInjectionDetector _indirect = new(SemanticModels.Default);

    [Benchmark]
    public Segment? LetterFrameAndTaskSearch() => LetterFrame.Of(Mail).AssistantWorkOutsideBody();

    // A new string each time: the models keep a passage's pieces for as long as that string lives.
    [Benchmark(Baseline = true)]
    public int IndirectInjectionDetector() => _indirect.Detect(new string(Mail), GuardrailStage.Context).Count();
}
