namespace Canopy.BrowserTests;

/// <summary>
/// The AppHost with canopy-be in endpoint mode against a scripted model that streams one sentence and then holds the
/// answer open until the request is aborted: Stop always has an answer in flight to stop, however loaded the machine.
/// </summary>
public sealed class HeldAnswerAppFixture : CanopyAppFixture
{
    public ScriptedModelServer Model { get; private set; } = default!;

    protected override async Task<string[]> ArgumentsAsync()
    {
        Model = await ScriptedModelServer.StartAsync(ModelScript.StallMidStream);
        return ["Canopy:VectorStore=embedded", "Canopy:Llm=endpoint", $"ConnectionStrings:llm={Model.ConnectionString}"];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Model is not null) await Model.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class HeldAnswerAppCollection : ICollectionFixture<HeldAnswerAppFixture>
{
    public const string Name = "Canopy AppHost with a held answer";
}
