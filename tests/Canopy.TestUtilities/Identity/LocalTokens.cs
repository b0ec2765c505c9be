using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Canopy.TestUtilities.Identity;

/// <summary>
/// Tokens for a service run alone in a test, without the provider: the service validates them through ASP.NET Core's
/// own local-key settings (<c>Authentication:Schemes:Bearer</c>, the ones `dotnet user-jwts` writes). Tests of the
/// whole application sign in through canopy-identity instead.
/// </summary>
public static class LocalTokens
{
    public const string Issuer = "canopy-local-tests";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
    };

    public static IWebHostBuilder UseLocalTokens(this IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        return builder;
    }

    /// <summary>A token for the user named like its role, valid for both services unless audiences are given.</summary>
    public static string For(string role, params string[] audiences) => Create(role, role, audiences.Length > 0 ? audiences : ["canopy-be", "canopy-rag"], Key);

    /// <summary>A token for a user of its own (two students are two subjects) with the given role and audiences.</summary>
    public static string ForUser(string user, string role, params string[] audiences) => Create(user, role, audiences, Key);

    /// <summary>A well-formed token signed by a key the services do not know.</summary>
    public static string Forged(string role) => Create(role, role, ["canopy-be", "canopy-rag"], RandomNumberGenerator.GetBytes(32));

    private static string Create(string user, string role, string[] audiences, byte[] key)
    {
        var claims = new Dictionary<string, object> { ["aud"] = audiences };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Subject = new ClaimsIdentity([new Claim("sub", user), new Claim("name", user), new Claim("role", role)]),
            Claims = claims,
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}
