using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// Clients that start traces instead of continuing one: the test process also hosts services with tracing on, and their
/// HttpClient listener would otherwise send a traceparent that makes the test's request a child of a test-process span.
/// The handler's propagator is not enough: OpenTelemetry's HttpClient instrumentation injects with its own propagator
/// while any in-process service of a concurrent test is alive, so each request also suppresses instrumentation.
/// </summary>
public static class UntracedClient
{
    public static HttpClient For(DistributedApplication app, string resource, Func<Task<string>>? token = null)
    {
        HttpMessageHandler handler = new SuppressedInstrumentation
        {
            InnerHandler = new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() },
        };
        if (token is not null) handler = new BearerTokenHandler(token) { InnerHandler = handler };
        return new HttpClient(handler)
        {
            BaseAddress = app.GetEndpoint(resource),
            Timeout = TimeSpan.FromMinutes(5),
        };
    }
}

/// <summary>Sends with OpenTelemetry's instrumentation suppressed for the request's async flow: no span, no injected headers.</summary>
internal sealed class SuppressedInstrumentation : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var suppressed = OpenTelemetry.SuppressInstrumentationScope.Begin();
        return await base.SendAsync(request, cancellationToken);
    }
}
