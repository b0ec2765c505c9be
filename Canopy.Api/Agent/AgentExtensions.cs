using Canopy.Api.Agent.Memory;
using Canopy.Api.Agent.Tools;
using Canopy.Api.Retrieval;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Canopy.Api.Agent;

public static class AgentExtensions
{
    /// <summary>Where the build puts the faculty directory (the corpus document, linked into this project).</summary>
    private static readonly string FacultyDirectoryPath = Path.Combine(AppContext.BaseDirectory, "Agent", "Data", FacultyDirectory.FileName);

    public static IHostApplicationBuilder AddStudentAssistant(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AgentOptions>().BindConfiguration(AgentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => FacultyDirectory.Parse(File.ReadAllText(FacultyDirectoryPath)));
        builder.Services.AddSingleton<IConversationMemory, SqliteConversationMemory>();
        builder.Services.AddScoped<ConversationOwner>();
        builder.Services.AddScoped<AgentToolbox>();
        builder.Services.AddScoped<StudentAssistantAgent>();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental; a retried create_event could add an event twice.
        builder.Services.AddHttpClient(CalendarConnection.HttpClientName)
            .AddHttpMessageHandler<ForwardedBearerToken>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }
}
