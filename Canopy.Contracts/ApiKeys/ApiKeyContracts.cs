namespace Canopy.Contracts.ApiKeys;

/// <summary>Body of canopy-be's <c>POST /api/keys</c>: a personal API key for the OpenAI-compatible front door, named by its owner.</summary>
public sealed record ApiKeyRequest(string? Name);

/// <summary>
/// A personal API key as listed: never its secret. <c>Prefix</c> is the secret's first characters, so the owner can tell keys
/// apart; <c>Owner</c> (the owner's user name) is filled in the admin list only.
/// </summary>
public sealed record ApiKeyInfo(string Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? Owner = null);

/// <summary>The answer to a created key: the secret is shown this once and stored only as a hash.</summary>
public sealed record ApiKeyCreated(ApiKeyInfo Key, string Secret);

public static class ApiKeyFormat
{
    /// <summary>Every secret starts so, which tells an API key from an access token in the Authorization header.</summary>
    public const string SecretPrefix = "cnp_";

    public const int MaxNameLength = 100;

    /// <summary>Keys one user may hold (revoked ones do not count).</summary>
    public const int MaxActivePerUser = 10;
}
