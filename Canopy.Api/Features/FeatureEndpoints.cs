using Canopy.Api.Llm;
using Canopy.Contracts.Features;

namespace Canopy.Api.Features;

public static class FeatureEndpoints
{
    public static IHostApplicationBuilder AddFeatures(this IHostApplicationBuilder builder)
    {
        foreach (var id in FeatureCatalog.Ids)
        {
            builder.Services.AddOptions<FeatureSettings>(id)
                .Configure(s => FeatureCatalog.ApplyDefaults(id, s))
                .BindConfiguration($"Canopy:Features:{id}")
                .ValidateDataAnnotations()
                .ValidateOnStart();
        }
        builder.Services.AddOptions<FlagOptions>(FlagIds.AbTesting).Configure(f => f.Name = "A/B testing of prompts")
            .BindConfiguration($"Canopy:Flags:{FlagIds.AbTesting}");
        builder.Services.AddOptions<SettingsOptions>().BindConfiguration(SettingsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FeatureSwitches>();
        builder.Services.AddSingleton<FeatureCatalog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFeatureApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api").MapGet("/feature-flags", GetFlags).WithName("FeatureFlags").RequireAuthorization(CanopyRoles.ReaderPolicy);
        return app;
    }

    internal static FeatureFlagsResponse GetFlags(FeatureCatalog catalog, ILlmProviderAccessor providers)
    {
        var provider = providers.Current;
        return new FeatureFlagsResponse(
            [.. catalog.All().Select(f => new FeatureFlag(f.Id, f.Settings.Name, f.Settings.Description, catalog.IsEnabled(f.Id),
                string.IsNullOrEmpty(f.Settings.Model) ? provider.Model : f.Settings.Model, f.Settings.Temperature,
                f.Settings.MaxTokens, f.Settings.MaxInputTokens, f.Settings.UsesRetrieval, f.Settings.UsesTools))],
            new ProviderInfo(provider.Name, provider.Model, provider.IsExtractive, provider.Notice, provider.CallsTools));
    }
}
