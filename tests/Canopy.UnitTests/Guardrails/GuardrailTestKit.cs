using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Canopy.UnitTests.Guardrails;

/// <summary>Guardrail services over the real detectors (and the committed token vectors and classifiers).</summary>
internal static class GuardrailTestKit
{
    public static IGuardrailDetector[] LocalDetectors(GuardrailOptions? options = null) =>
    [
        new PiiDetector(), new PromptInjectionDetector(), new HarmClassifierDetector(SemanticModels.Default), new InjectionClassifierDetector(SemanticModels.Default), new HarmLexiconDetector(), new InjectionLexiconDetector(), new JailbreakFrameDetector(), new AdversarialSuffixDetector(), new SafeguardingDetector(),
        new IndirectInjectionDetector(SemanticModels.Default), new HapDetector(SemanticModels.Default),
        new DenyListDetector(options?.DenyList ?? []), new TopicPolicyDetector(options?.Topics ?? new Dictionary<string, TopicPolicy>()),
    ];

    public static GuardrailService Service(GuardrailOptions? options = null, params IAsyncGuardrailDetector[] remote) =>
        new(LocalDetectors(options), remote, Options.Create(options ?? new GuardrailOptions()), NullLogger<GuardrailService>.Instance);

    /// <summary>The folder holding Canopy.sln, found from the test binaries.</summary>
    public static string? SolutionFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Canopy.sln"))) return dir.FullName;
        }
        return null;
    }
}
