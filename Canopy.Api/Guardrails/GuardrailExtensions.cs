using Canopy.Api.Guardrails.Remote;
using Canopy.Api.Guardrails.Semantic;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Guardrails;

public static class GuardrailExtensions
{
    public static IHostApplicationBuilder AddGuardrails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GuardrailOptions>().BindConfiguration(GuardrailOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GuardrailOptions>, GuardrailOptionsValidator>();
        builder.Services.AddSingleton<IGuardrailDetector, PiiDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, PromptInjectionDetector>();
        builder.Services.AddSingleton(_ => SemanticModels.Default);
        builder.Services.AddSingleton<IGuardrailDetector, HarmClassifierDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, InjectionClassifierDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, HarmLexiconDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, SafeguardingDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, InjectionLexiconDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, JailbreakFrameDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, AdversarialSuffixDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, IndirectInjectionDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, HapDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, DenyListDetector>(sp => new DenyListDetector(sp.GetRequiredService<IOptions<GuardrailOptions>>()));
        builder.Services.AddSingleton<IGuardrailDetector, TopicPolicyDetector>(sp => new TopicPolicyDetector(sp.GetRequiredService<IOptions<GuardrailOptions>>()));
        builder.Services.AddSingleton<GuardrailService>();

        var remote = builder.Configuration.GetSection(GuardrailOptions.Section).GetSection("Remote");
        if (!string.IsNullOrWhiteSpace(remote["Endpoint"]))
        {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; the orchestrator call has its own short deadline instead of retries.
            builder.Services.AddHttpClient<OrchestratorClient>((sp, http) =>
                {
                    var settings = sp.GetRequiredService<IOptions<GuardrailOptions>>().Value.Remote;
                    http.BaseAddress = new Uri(settings.Endpoint!.TrimEnd('/') + "/");
                    http.Timeout = settings.Timeout + TimeSpan.FromMilliseconds(250);
                })
                .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
            builder.Services.AddSingleton<IAsyncGuardrailDetector, RemoteGuardrailDetector>();
        }
        return builder;
    }
}
