using System.ClientModel;
using System.ClientModel.Primitives;
using Canopy.Api.Llm.Embedded;
using Canopy.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using Polly;

namespace Canopy.Api.Llm;

public static class LlmExtensions
{
    public const string LlmConnectionName = "llm";
    private const string LlmHttpClient = "llm";

    public static IHostApplicationBuilder AddLlm(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GenerationOptions>().BindConfiguration(GenerationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddLlmHttpClient();

        var mode = builder.AddModes().Llm;
        if (mode == LlmMode.Embedded)
        {
            // The embedded provider registers its own accessor: extractive until the model is ready.
            builder.AddEmbeddedLlm();
        }
        else if (mode is LlmMode.Vllm or LlmMode.Endpoint)
        {
            builder.AddOpenAiCompatibleClient(ModeOptions.Name(mode));
        }
        else
        {
            builder.Services.AddSingleton<ILlmProviderAccessor>(new FixedLlmProviderAccessor(ExtractiveAnswerer.Provider()));
        }
        builder.Services.AddSingleton<AnswerGenerator>();
        return builder;
    }

    private static void AddOpenAiCompatibleClient(this IHostApplicationBuilder builder, string mode)
    {
        var connection = LlmConnectionString.Parse(builder.Configuration.GetConnectionString(LlmConnectionName), LlmConnectionName);
        builder.Services.AddChatClient(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(LlmHttpClient);
            var clientOptions = new OpenAIClientOptions
            {
                Endpoint = connection.Endpoint,
                Transport = new HttpClientPipelineTransport(http),
                // Retries belong to the HttpClient pipeline, which never retries once a stream has started.
                RetryPolicy = new ClientRetryPolicy(0),
                NetworkTimeout = sp.GetRequiredService<IOptions<GenerationOptions>>().Value.Timeout,
            };
            var credential = new ApiKeyCredential(string.IsNullOrEmpty(connection.Key) ? "unused" : connection.Key);
            return new OpenAIClient(credential, clientOptions).GetChatClient(connection.Model).AsIChatClient();
        }).UseOpenTelemetry(configure: ConfigureTelemetry).Use(inner => new ModelCallSpanCapture(inner));
        builder.Services.AddSingleton<ILlmProviderAccessor>(sp =>
            new FixedLlmProviderAccessor(new LlmProvider(mode, connection.Model, new ModelAnswerer(sp.GetRequiredService<IChatClient>()), CallsTools: true)));
    }

#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; the LLM client must not inherit the short defaults.
    // The LLM needs minutes, not the seconds of the standard handler; a stream that has started is never retried.
    private static void AddLlmHttpClient(this IHostApplicationBuilder builder)
    {
        var timeout = builder.Configuration.GetValue<TimeSpan?>($"{GenerationOptions.Section}:Timeout") ?? TimeSpan.FromMinutes(5);
        builder.Services.AddHttpClient(LlmHttpClient, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllResilienceHandlers()
            .AddResilienceHandler("llm", pipeline =>
            {
                pipeline.AddTimeout(timeout);
                pipeline.AddCircuitBreaker(new Microsoft.Extensions.Http.Resilience.HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 4,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(15),
                });
            });
    }
#pragma warning restore EXTEXP0001

    private static void ConfigureTelemetry(OpenTelemetryChatClient client) => client.EnableSensitiveData = ApiTelemetry.CaptureContent;
}
