using Canopy.Calendar.Events;
using Canopy.Calendar.Tools;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Canopy.Calendar;

public static class CalendarExtensions
{
    /// <summary>The MCP endpoint canopy-be's agent connects to (streamable HTTP).</summary>
    public const string McpPath = "/mcp";

    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ICalendarStore, SqliteCalendarStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<CalendarSeeder>();
        builder.Services.AddMcpServer(mcp => mcp.ServerInfo = new() { Name = CanopyAudiences.Calendar, Version = "1.0.0" })
            // Stateless: any replica answers any request, so a cluster needs no session affinity.
            .WithHttpTransport(http => http.Stateless = true)
            .WithTools<CalendarReadTools>()
            .WithTools<CalendarWriteTools>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCalendarMcp(this IEndpointRouteBuilder app)
    {
        // Students, instructors, admins, and canopy-be's own service token (which only reads); anonymous callers get 401.
        app.MapMcp(McpPath).RequireAuthorization(CanopyRoles.SearchPolicy);
        return app;
    }
}
