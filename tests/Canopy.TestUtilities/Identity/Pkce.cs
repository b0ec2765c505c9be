using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Canopy.TestUtilities.Identity;

/// <summary>Proof Key for Code Exchange (RFC 7636): a random verifier and its S256 challenge.</summary>
public sealed record Pkce(string Verifier, string Challenge)
{
    public const string Method = "S256";

    public static Pkce Create()
    {
        var verifier = RandomString();
        return new Pkce(verifier, Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    /// <summary>32 random bytes, base64url: 43 characters, valid as a verifier, a state or a nonce.</summary>
    public static string RandomString() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
