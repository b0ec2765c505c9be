using System.Text;

namespace Canopy.IntegrationTests.Llm;

/// <summary>
/// Writes a tiny but complete GGUF v3 model of the llama architecture: a byte-level BPE vocabulary (gpt2 tokenizer)
/// with a few merges and ChatML control tokens, a ChatML chat template, and random f32 weights from a fixed seed.
/// llama.cpp loads it like any real model; its output is noise, which is all the download and streaming tests need.
/// </summary>
public static class TinyGguf
{
    public const int EmbeddingLength = 64;
    public const int HeadCount = 4;
    public const int BlockCount = 2;
    public const int FeedForwardLength = 128;
    public const int ContextLength = 512;
    public const string ChatTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private const uint Alignment = 32;
    private const uint TypeF32 = 0;

    private static readonly (string Left, string Right)[] Merges =
    [
        ("Ġ", "t"), ("h", "e"), ("Ġt", "he"), ("i", "n"), ("Ġ", "a"), ("e", "r"), ("o", "n"), ("r", "e"),
        ("Ġ", "s"), ("e", "n"), ("a", "t"), ("Ġ", "c"), ("o", "r"), ("e", "s"), ("a", "n"), ("Ġ", "w"),
    ];

    private static readonly string[] ControlTokens = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];

    /// <summary>The byte-level BPE alphabet: printable bytes stand for themselves, the rest move above U+0100.</summary>
    public static readonly char[] ByteToUnicode = BuildByteMap();

    /// <summary>The vocabulary: 256 byte tokens, the merged pieces, then the control tokens.</summary>
    public static IReadOnlyList<string> Tokens { get; } = BuildTokens();

    public static int VocabularySize => Tokens.Count;

    public static void Write(string path, int seed = 1234)
    {
        using var file = File.Create(path);
        Write(file, seed);
    }

    public static byte[] Build(int seed = 1234)
    {
        using var memory = new MemoryStream();
        Write(memory, seed);
        return memory.ToArray();
    }

    public static void Write(Stream stream, int seed)
    {
        var tensors = TensorShapes();
        var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)tensors.Count);
        var metadata = Metadata();
        w.Write((ulong)metadata.Count);
        foreach (var (key, write) in metadata)
        {
            WriteString(w, key);
            write(w);
        }

        ulong offset = 0;
        foreach (var (name, shape) in tensors)
        {
            WriteString(w, name);
            w.Write((uint)shape.Length);
            foreach (var dimension in shape) w.Write((ulong)dimension);
            w.Write(TypeF32);
            w.Write(offset);
            offset = Align(offset + (ulong)(Count(shape) * sizeof(float)));
        }
        Pad(w, (ulong)stream.Position);

        var random = new Random(seed);
        foreach (var (name, shape) in tensors)
        {
            var count = Count(shape);
            // Norms start at one as in a fresh model; matrices get small random values.
            var isNorm = name.EndsWith("norm.weight", StringComparison.Ordinal);
            for (var i = 0; i < count; i++)
                w.Write(isNorm ? 1f : (float)((random.NextDouble() * 2 - 1) * 0.5));
            Pad(w, (ulong)(count * sizeof(float)));
        }
        w.Flush();
    }

    private static List<(string Key, Action<BinaryWriter> Write)> Metadata()
    {
        var tokens = Tokens;
        var types = tokens.Select(t => ControlTokens.Contains(t) ? 3 : 1).ToArray();
        int Id(string token) => tokens.ToList().IndexOf(token);
        return
        [
            ("general.architecture", w => Str(w, "llama")),
            ("general.name", w => Str(w, "canopy-tiny-test")),
            ("general.alignment", w => U32(w, Alignment)),
            ("llama.context_length", w => U32(w, ContextLength)),
            ("llama.embedding_length", w => U32(w, EmbeddingLength)),
            ("llama.block_count", w => U32(w, BlockCount)),
            ("llama.feed_forward_length", w => U32(w, FeedForwardLength)),
            ("llama.attention.head_count", w => U32(w, HeadCount)),
            ("llama.attention.head_count_kv", w => U32(w, HeadCount)),
            ("llama.attention.layer_norm_rms_epsilon", w => { w.Write(6u); w.Write(1e-5f); }),
            ("llama.rope.dimension_count", w => U32(w, EmbeddingLength / HeadCount)),
            ("llama.rope.freq_base", w => { w.Write(6u); w.Write(10000f); }),
            ("tokenizer.ggml.model", w => Str(w, "gpt2")),
            ("tokenizer.ggml.pre", w => Str(w, "default")),
            ("tokenizer.ggml.tokens", w => StrArray(w, tokens)),
            ("tokenizer.ggml.token_type", w => { w.Write(9u); w.Write(5u); w.Write((ulong)types.Length); foreach (var t in types) w.Write(t); }),
            ("tokenizer.ggml.merges", w => StrArray(w, [.. Merges.Select(m => $"{m.Left} {m.Right}")])),
            ("tokenizer.ggml.bos_token_id", w => U32(w, (uint)Id("<|endoftext|>"))),
            ("tokenizer.ggml.eos_token_id", w => U32(w, (uint)Id("<|im_end|>"))),
            ("tokenizer.ggml.padding_token_id", w => U32(w, (uint)Id("<|endoftext|>"))),
            ("tokenizer.ggml.add_bos_token", w => { w.Write(7u); w.Write((byte)0); }),
            ("tokenizer.chat_template", w => Str(w, ChatTemplate)),
        ];
    }

    private static List<(string Name, long[] Shape)> TensorShapes()
    {
        long embd = EmbeddingLength, vocab = VocabularySize, ff = FeedForwardLength;
        // GGUF lists dimensions innermost first: a weight {in, out} maps in-features to out-features.
        var tensors = new List<(string, long[])> { ("token_embd.weight", [embd, vocab]) };
        for (var i = 0; i < BlockCount; i++)
        {
            tensors.Add(($"blk.{i}.attn_norm.weight", [embd]));
            tensors.Add(($"blk.{i}.attn_q.weight", [embd, embd]));
            tensors.Add(($"blk.{i}.attn_k.weight", [embd, embd]));
            tensors.Add(($"blk.{i}.attn_v.weight", [embd, embd]));
            tensors.Add(($"blk.{i}.attn_output.weight", [embd, embd]));
            tensors.Add(($"blk.{i}.ffn_norm.weight", [embd]));
            tensors.Add(($"blk.{i}.ffn_gate.weight", [embd, ff]));
            tensors.Add(($"blk.{i}.ffn_up.weight", [embd, ff]));
            tensors.Add(($"blk.{i}.ffn_down.weight", [ff, embd]));
        }
        tensors.Add(("output_norm.weight", [embd]));
        tensors.Add(("output.weight", [embd, vocab]));
        return tensors;
    }

    private static List<string> BuildTokens()
    {
        var tokens = Enumerable.Range(0, 256).Select(b => ByteToUnicode[b].ToString()).ToList();
        tokens.AddRange(Merges.Select(m => m.Left + m.Right));
        tokens.AddRange(ControlTokens);
        return tokens;
    }

    private static char[] BuildByteMap()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= 0x21 and <= 0x7E or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)next++;
        }
        return map;
    }

    private static long Count(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);

    private static ulong Align(ulong value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w, ulong written)
    {
        for (var i = written; i < Align(written); i++) w.Write((byte)0);
    }

    private static void WriteString(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void Str(BinaryWriter w, string value) { w.Write(8u); WriteString(w, value); }

    private static void U32(BinaryWriter w, uint value) { w.Write(4u); w.Write(value); }

    private static void StrArray(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(9u);
        w.Write(8u);
        w.Write((ulong)values.Count);
        foreach (var value in values) WriteString(w, value);
    }
}
