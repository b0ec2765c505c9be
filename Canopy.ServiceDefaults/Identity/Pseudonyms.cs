using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The pseudonymous user id that spans, logs and feedback carry instead of a login name or e-mail: a keyed hash
/// (HMAC-SHA256) of the provider's subject, the same in every service that holds the key, useless without it.
/// </summary>
public sealed class Pseudonyms
{
    /// <summary>The OpenTelemetry attribute (semantic conventions, enduser).</summary>
    public const string Attribute = "enduser.pseudo.id";

    private readonly byte[] _key;

    public Pseudonyms(IOptions<IdentityProviderOptions> options, ILogger<Pseudonyms> logger)
    {
        if (options.Value.PseudonymKey is { Length: > 0 } key)
            _key = Encoding.UTF8.GetBytes(key);
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("{Section}:PseudonymKey is not set: pseudonymous user ids change when this service restarts and differ between services.", IdentityProviderOptions.Section);
        }
    }

    /// <summary>The user's pseudonymous id, or null for a caller without a subject.</summary>
    public string? Of(ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value is { Length: > 0 } subject ? Of(subject) : null;

    public string Of(string subject)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(subject), hash);
        // 128 bits: collisions are out of reach for any university's users; hex keeps it readable in the dashboard.
        return Convert.ToHexStringLower(hash[..16]);
    }

}
