using System.ComponentModel.DataAnnotations;

namespace Canopy.Api.Llm.Embedded;

/// <summary>
/// The in-process model (<c>Canopy:Llm=embedded</c>): where its GGUF file comes from, how it is checked, where it is kept,
/// and how llama.cpp runs it. The default is Qwen2.5-0.5B-Instruct Q4_K_M (Apache-2.0), pinned to one revision.
/// </summary>
public sealed class EmbeddedLlmOptions
{
    public const string Section = "Canopy:Llm:Embedded";

    public const string DefaultModelUrl =
        "https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/9217f5db79a29953eb74d5343926648285ec7e67/qwen2.5-0.5b-instruct-q4_k_m.gguf";

    public const string DefaultSha256 = "74a4da8c9fdbcd15bd1f6d01d621410d31c6fc00986f5eb687824e7b93d7a9db";

    [Required, Url]
    public string ModelUrl { get; set; } = DefaultModelUrl;

    /// <summary>Hex SHA-256 of the whole file; the download is kept only when it matches.</summary>
    [Required, RegularExpression("^[0-9a-fA-F]{64}$", ErrorMessage = "Canopy:Llm:Embedded:Sha256 must be 64 hex digits.")]
    public string Sha256 { get; set; } = DefaultSha256;

    /// <summary>The model id reported in spans and the UI (gen_ai.request.model).</summary>
    [Required]
    public string ModelName { get; set; } = "qwen2.5-0.5b-instruct-q4_k_m";

    /// <summary>Where downloaded models are kept; empty means <c>.canopy-data/models</c> under the content root.</summary>
    public string? CacheDirectory { get; set; }

    [Range(256, 131_072)]
    public int ContextSize { get; set; } = 4096;

    /// <summary>CPU threads for generation; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>Longest pause in the download stream before it counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First pause before resuming an interrupted download; it grows with each failure in a row.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public string FileName => Path.GetFileName(new Uri(ModelUrl).AbsolutePath) is { Length: > 0 } name ? name : "model.gguf";

    public string ResolveCacheDirectory(string contentRoot) =>
        string.IsNullOrWhiteSpace(CacheDirectory) ? Path.Combine(contentRoot, ".canopy-data", "models") : Path.GetFullPath(CacheDirectory, contentRoot);
}
