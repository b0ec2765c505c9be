using System.Net.Http.Headers;
using System.Text.Json;
using Canopy.Calendar.Events;
using Canopy.Contracts.Calendar;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Canopy.IntegrationTests.Calendar;

/// <summary>
/// canopy-calendar in process over a data folder of its own, reached with the MCP SDK's real client over streamable HTTP.
/// The pseudonym key is fixed so that a restarted factory knows the same students.
/// </summary>
public sealed class CalendarFactory(string dataPath) : WebApplicationFactory<CalendarSeeder>
{
    public const string Audience = "canopy-calendar";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string DataPath { get; } = dataPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseLocalTokens().UseSetting("Canopy:Calendar:DataPath", DataPath).UseSetting("Canopy:Identity:PseudonymKey", "calendar-tests");

    public static string Token(string user, string role) => LocalTokens.ForUser(user, role, Audience);

    public HttpClient HttpClientWith(string? token)
    {
        var client = CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<McpClient> ConnectAsync(string token)
    {
        var http = HttpClientWith(token);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport, cancellationToken: CalendarCalls.Timeout());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

/// <summary>Calls a calendar tool and reads its JSON answer, or its error text.</summary>
public static class CalendarCalls
{
    /// <summary>A call that hangs fails the test instead of the run.</summary>
    public static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null)
    {
        var dictionary = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(arguments, CalendarFactory.Json), CalendarFactory.Json)!;
        return await client.CallToolAsync(tool, dictionary, cancellationToken: CalendarCalls.Timeout());
    }

    public static async Task<T> CallForAsync<T>(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError != true, $"{tool} failed: {Text(result)}");
        return JsonSerializer.Deserialize<T>(Text(result), CalendarFactory.Json)!;
    }

    public static async Task<string> ErrorOfAsync(this McpClient client, string tool, object? arguments = null)
    {
        var result = await client.CallAsync(tool, arguments);
        Assert.True(result.IsError == true, $"{tool} should have failed but answered {Text(result)}");
        return Text(result);
    }

    public static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text));
}
