namespace Canopy.IntegrationTests;

/// <summary>The tests that share one loaded all-MiniLM-L6-v2.</summary>
[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM";
}
