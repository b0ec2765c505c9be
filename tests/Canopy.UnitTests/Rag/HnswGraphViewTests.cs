using Canopy.Rag.VectorStore.Embedded;

namespace Canopy.UnitTests.Rag;

/// <summary>A saved graph mapped from its file answers as the loaded graph does, and refuses changes.</summary>
public sealed class HnswGraphViewTests : IDisposable
{
    private readonly GraphLibrary _library = new();

    [Fact]
    public void A_mapped_graph_searches_and_reads_like_the_loaded_one_and_refuses_changes()
    {
        var path = Path.Combine(_library.DataPath, "graph.usearch");
        var settings = new HnswSettings();
        using (var built = HnswGraph.Create(GraphLibrary.Dimensions, settings))
        {
            for (var key = 1; key <= 300; key++) built.Add(key, _library.Query());
            built.Remove(5);
            built.Save(path);
        }
        var query = _library.Query();
        using var loaded = HnswGraph.Open(path, GraphLibrary.Dimensions, settings);
        using var view = HnswGraph.View(path, GraphLibrary.Dimensions, settings);
        var vector = new float[GraphLibrary.Dimensions];

        Assert.True(view.IsView);
        Assert.False(loaded.IsView);
        Assert.Equal(299, view.Count);
        Assert.Equal(loaded.Search(query, 10), view.Search(query, 10));
        Assert.Equal(loaded.Search(query, 10, key => key % 2 == 0), view.Search(query, 10, key => key % 2 == 0));
        Assert.True(view.Contains(7));
        Assert.False(view.Contains(5));
        Assert.True(view.TryGet(7, vector));
        Assert.Throws<InvalidOperationException>(() => view.Add(301, query));
        Assert.Throws<InvalidOperationException>(() => view.Remove(7));
    }

    public void Dispose() => _library.Dispose();
}
