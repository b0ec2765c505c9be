using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// Clients that start traces instead of continuing one: the test process also hosts services with tracing on, and their
/// HttpClient listener would otherwise send a traceparent that makes the test's request a child of a test-process span.
/// </summary>
public static class UntracedClient
{
    public static HttpClient For(DistributedApplication app, string resource, Func<Task<string>>? token = null)
    {
        HttpMessageHandler handler = new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() };
        if (token is not null) handler = new BearerTokenHandler(token) { InnerHandler = handler };
        return new HttpClient(handler)
        {
            BaseAddress = app.GetEndpoint(resource),
            Timeout = TimeSpan.FromMinutes(5),
        };
    }
}
