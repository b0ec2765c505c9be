using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// The real AppHost in embedded mode with the real Aspire dashboard, started once for the integration tests.
/// Traces are read back from the dashboard's telemetry API.
/// </summary>
public class CanopyAppFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private readonly IsolatedData _data = new();

    public DistributedApplication App { get; private set; } = default!;
    public HttpClient Dashboard { get; private set; } = default!;

    /// <summary>The AppHost's arguments: the modes a newcomer runs.</summary>
    protected virtual Task<string[]> ArgumentsAsync() =>
        Task.FromResult<string[]>(["Canopy:VectorStore=embedded", "Canopy:Llm=extractive"]);

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Canopy_AppHost>(
            await ArgumentsAsync(),
            (options, _) =>
            {
                options.DisableDashboard = false;
                options.AllowUnsecuredTransport = true;
            });
        await _data.ApplyToAsync(builder);
        App = await builder.BuildAsync();
        SignIn = new AppHostSignIn(App);
        using var start = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(start.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("canopy-be", start.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("canopy-ui", start.Token);
        // Healthy means searchable; the tests ask about the bundled corpus, so they wait for it to be indexed as well.
        await WaitForIngestionIdleAsync(StartTimeout);
        // Every seeded user signs in now, so that no test's own request waits on a sign-in.
        await SignIn.SignInAllAsync();

        var configuration = App.Services.GetRequiredService<IConfiguration>();
        Dashboard = new HttpClient { BaseAddress = App.GetEndpoint("aspire-dashboard", "http") };
        if (configuration["AppHost:DashboardApiKey"] is { Length: > 0 } key)
            Dashboard.DefaultRequestHeaders.Add("x-api-key", key);
    }

    public AppHostSignIn SignIn { get; private set; } = default!;

    /// <summary>A client of the resource signed in as <paramref name="user"/> (instructor unless said: it may do all but admin work), anonymous when null.</summary>
    public HttpClient CreateClient(string resource, string? user = "instructor") => SignIn.Client(resource, user);

    public async Task WaitForIngestionIdleAsync(TimeSpan deadline)
    {
        using var rag = CreateClient("canopy-rag");
        await IngestionIdle.WaitAsync(rag, deadline);
    }

    /// <summary>
    /// Reads one trace from the dashboard until <paramref name="complete"/> holds: spans arrive in OTLP export
    /// batches, so the API is polled (there is nothing to await) and a timeout names what was missing.
    /// </summary>
    public async Task<IReadOnlyList<TraceSpan>> WaitForTraceAsync(string traceId, Func<IReadOnlyList<TraceSpan>, bool> complete, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<TraceSpan> spans = [];
        while (DateTime.UtcNow < deadline)
        {
            using var response = await Dashboard.GetAsync($"/api/telemetry/traces/{traceId}");
            if (response.IsSuccessStatusCode)
            {
                spans = TraceSpan.Parse(await response.Content.ReadFromJsonAsync<JsonElement>());
                if (complete(spans)) return spans;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        throw new TimeoutException($"Trace {traceId} was not complete after {timeout}: {string.Join(", ", spans.Select(s => $"{s.Service}/{s.Name}"))}");
    }

    public virtual async Task DisposeAsync()
    {
        Dashboard?.Dispose();
        if (App is not null) await App.DisposeAsync();
        _data.Dispose();
    }
}
