using System.Security.Cryptography;
using System.Text;
using Canopy.Contracts.ApiKeys;

namespace Canopy.Api.ApiKeys;

/// <summary>
/// A secret is 32 random bytes after <see cref="ApiKeyFormat.SecretPrefix"/>; only its SHA-256 is stored. A fast hash is
/// enough for 256 random bits (nothing to guess), and lets every call find its key with one indexed lookup.
/// </summary>
public static class ApiKeySecrets
{
    public const int ShownPrefixLength = 8;

    public static string Create() => ApiKeyFormat.SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool LooksLikeKey(string? value) => value is { Length: > 12 } && value.StartsWith(ApiKeyFormat.SecretPrefix, StringComparison.Ordinal);

    /// <summary>What the owner sees of a key: its first characters.</summary>
    public static string Shown(string secret) => secret[..(ApiKeyFormat.SecretPrefix.Length + ShownPrefixLength)];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
