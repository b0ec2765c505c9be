namespace Canopy.BrowserTests;

/// <summary>The browser tests that share one start of the AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class CanopyAppCollection : ICollectionFixture<CanopyAppFixture>
{
    public const string Name = "Canopy AppHost";
}
