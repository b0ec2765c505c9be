namespace Canopy.IntegrationTests;

/// <summary>The tests that share one start of the AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class CanopyAppCollection : ICollectionFixture<CanopyAppFixture>
{
    public const string Name = "Canopy AppHost";
}
