using Canopy.Contracts.Calendar;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace Canopy.Api.Agent.Tools;

/// <summary>
/// A turn's MCP session with canopy-calendar: the tools it lists (discovered, not hard-coded), each called through the
/// SDK's client. The HTTP client passes on the student's token, so personal events stay the student's own.
/// </summary>
public sealed class CalendarConnection(McpClient client, IReadOnlyList<McpClientTool> tools) : IAsyncDisposable
{
    public const string HttpClientName = "canopy-calendar";

    public IReadOnlyList<McpClientTool> Tools => tools;

    public static async Task<CalendarConnection> OpenAsync(HttpClient http, Uri endpoint, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = HttpClientName,
        }, http, loggers, ownsHttpClient: false);
        var client = await McpClient.CreateAsync(transport, loggerFactory: loggers, cancellationToken: cancellationToken);
        try
        {
            var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
            return new CalendarConnection(client, [.. tools]);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Calls the tool with the model's arguments and reads its result.</summary>
    public static async Task<ToolOutput> CallAsync(McpClientTool tool, AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tool.CallAsync(arguments.ToDictionary(a => a.Key, a => a.Value), cancellationToken: cancellationToken);
        return CalendarResults.From(tool.Name, result);
    }

    public static bool Writes(string tool) => CalendarToolNames.Writes.Contains(tool);

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
