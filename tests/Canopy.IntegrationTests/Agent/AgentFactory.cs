using Canopy.TestUtilities.Agent;

namespace Canopy.IntegrationTests.Agent;

/// <summary>canopy-be in process in endpoint mode, its model the scripted student-assistant model; canopy-calendar as given.</summary>
public sealed class AgentFactory(ScriptedModelServer model, string calendarUri = "http://127.0.0.1:9/mcp") : SignedInFactory<ChatPipeline>
{
    public static Task<ScriptedModelServer> StartModelAsync() => ScriptedModelServer.RepliesAsync("tool-model", StudentAssistantScript.Reply);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Canopy:Llm", "endpoint").UseSetting("ConnectionStrings:llm", model.ConnectionString)
            .UseSetting("Canopy:Agent:CalendarUri", calendarUri).UseSetting("Canopy:Feedback:DataPath", KeysPath);
    }
}
