using Canopy.Api.Guardrails;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Canopy.Guardrails.Tool.Checking;

/// <summary>
/// The guardrail pipeline exactly as canopy-be registers it (<c>AddGuardrails</c>), with the repository's models and,
/// when given, the <c>Canopy:Guardrails</c> section of a settings file such as canopy-be's appsettings.json.
/// </summary>
public static class DefaultPipeline
{
    /// <exception cref="InvalidDataException">the settings file is not JSON</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">its settings are invalid, as canopy-be would refuse them on start</exception>
    public static GuardrailService Create(string modelsFolder, string? settingsFile = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        if (settingsFile is not null) builder.Configuration.AddJsonFile(Path.GetFullPath(settingsFile), optional: false);
        builder.AddGuardrails();
        // The checks run on every core at once, so each MiniLM read gets one thread (docs/benchmarks.md); vectors are the same.
        builder.Services.AddSingleton(SemanticModels.Load(modelsFolder, new MiniLmEmbeddingGenerator(threadsPerText: 1)));
        return builder.Build().Services.GetRequiredService<GuardrailService>();
    }
}
