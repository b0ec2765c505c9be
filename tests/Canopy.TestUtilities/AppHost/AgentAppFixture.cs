using Canopy.TestUtilities.Agent;
using Canopy.TestUtilities.Loopback;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// The AppHost with canopy-be in endpoint mode against a model that calls tools as <see cref="StudentAssistantScript"/>
/// says: the student assistant runs with the real canopy-be, canopy-rag, canopy-calendar, identity and dashboard.
/// </summary>
public sealed class AgentAppFixture : CanopyAppFixture
{
    public ScriptedModelServer Model { get; private set; } = default!;

    protected override async Task<string[]> ArgumentsAsync()
    {
        Model = await ScriptedModelServer.RepliesAsync("tool-model", StudentAssistantScript.Reply);
        return ["Canopy:VectorStore=embedded", "Canopy:Llm=endpoint", $"ConnectionStrings:llm={Model.ConnectionString}"];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Model is not null) await Model.DisposeAsync();
    }
}
