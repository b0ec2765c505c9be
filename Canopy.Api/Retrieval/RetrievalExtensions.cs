using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Canopy.Api.Retrieval;

public static class RetrievalExtensions
{
    public const string HealthCheckName = "canopy-rag";
    public const string HealthHttpClient = "canopy-rag-health";

    public static IHostApplicationBuilder AddRetrieval(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetrievalOptions>().BindConfiguration(RetrievalOptions.Section).ValidateDataAnnotations().ValidateOnStart();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; search needs its own short budget, not the 10 s / 30 s defaults.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<ForwardedBearerToken>();
        builder.Services.AddOptions<ServiceClientOptions>().BindConfiguration(IdentityProviderOptions.Section);
        builder.Services.AddSingleton<ServiceToken>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient(ServiceToken.HttpClientName);
        builder.Services.AddHttpClient<RagClient>((sp, http) => http.BaseAddress = ServiceUri(sp))
            .AddHttpMessageHandler<ForwardedBearerToken>()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => FailFast(resilience, sp.GetRequiredService<IOptions<RetrievalOptions>>().Value));
        // The probe has its own timeout and must not trip (or wait on) the search circuit.
        builder.Services.AddHttpClient(HealthHttpClient, (sp, http) => http.BaseAddress = ServiceUri(sp))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(HealthCheckName,
            sp => ActivatorUtilities.CreateInstance<RagHealthCheck>(sp), HealthStatus.Degraded, ["dependency"]));
        return builder;
    }

    private static Uri ServiceUri(IServiceProvider sp) => new(sp.GetRequiredService<IOptions<RetrievalOptions>>().Value.ServiceUri);

    /// <summary>One quick retry for a refused connection, a short timeout for a stalled one, and a circuit that opens after a few failures.</summary>
    private static void FailFast(HttpStandardResilienceOptions resilience, RetrievalOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.Retry.MaxRetryAttempts = 1;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
        resilience.Retry.BackoffType = DelayBackoffType.Constant;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException);
        resilience.TotalRequestTimeout.Timeout = options.AttemptTimeout * 2 + resilience.Retry.Delay;
        resilience.CircuitBreaker.FailureRatio = 0.5;
        resilience.CircuitBreaker.MinimumThroughput = 2;
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(10, options.AttemptTimeout.TotalSeconds * 2 + 1));
        resilience.CircuitBreaker.BreakDuration = options.BreakDuration;
    }
}
