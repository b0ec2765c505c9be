using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Canopy.ScaleBenchmark;

/// <summary>
/// The services started by the benchmark accept tokens signed with a key made for the run (ASP.NET Core's local-key
/// settings, <c>Authentication:Schemes:Bearer</c>), so turns are measured without an identity provider.
/// </summary>
public sealed class BenchmarkTokens
{
    private const string Issuer = "canopy-scale-benchmark";
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Authentication__Schemes__Bearer__ValidIssuer"] = Issuer,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Issuer"] = Issuer,
        ["Authentication__Schemes__Bearer__SigningKeys__0__Value"] = Convert.ToBase64String(_key),
        // The benchmark asks far more often than a student.
        ["Canopy__RateLimits__ChatTurnsPerMinute"] = "100000",
    };

    public string Student() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Subject = new ClaimsIdentity([new Claim("sub", "benchmark"), new Claim("name", "benchmark"), new Claim("role", "student")]),
        Claims = new Dictionary<string, object> { ["aud"] = new[] { "canopy-be", "canopy-rag" } },
        Expires = DateTime.UtcNow.AddHours(12),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(_key), SecurityAlgorithms.HmacSha256),
    });
}
