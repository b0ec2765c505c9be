using System.Text.Json;
using Canopy.TestUtilities.Agent;

namespace Canopy.BrowserTests;

/// <summary>
/// The AppHost with canopy-be in endpoint mode against one scripted model, for the tests that need a model's behaviour on
/// cue: a request that offers tools (the student assistant) gets <see cref="StudentAssistantScript"/>'s reply; any other
/// gets one sentence and is then held open until it is aborted, so Stop always has an answer in flight to stop, however
/// loaded the machine. One AppHost for both: each start costs the browser tests most of a minute.
/// </summary>
public sealed class ScriptedModelAppFixture : CanopyAppFixture
{
    public ScriptedModelServer Model { get; private set; } = default!;

    protected override async Task<string[]> ArgumentsAsync()
    {
        Model = await ScriptedModelServer.RepliesAsync("tool-model", Reply);
        return ["Canopy:VectorStore=embedded", "Canopy:Llm=endpoint", $"ConnectionStrings:llm={Model.ConnectionString}"];
    }

    private static ScriptedReply Reply(JsonElement body) =>
        body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0
            ? StudentAssistantScript.Reply(body)
            : ScriptedReply.Held(ScriptedModelServer.FirstSentence);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Model is not null) await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ScriptedModelAppCollection : ICollectionFixture<ScriptedModelAppFixture>
{
    public const string Name = "Canopy AppHost with a scripted model";
}
