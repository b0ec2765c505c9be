namespace Canopy.Api.Guardrails;

public static class GuardrailExtensions
{
    public static IHostApplicationBuilder AddGuardrails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IGuardrailDetector, PiiDetector>();
        builder.Services.AddSingleton<IGuardrailDetector, PromptInjectionDetector>();
        builder.Services.AddSingleton<GuardrailService>();
        return builder;
    }
}
