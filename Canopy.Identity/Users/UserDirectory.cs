using System.Security.Cryptography;
using System.Text;
using Canopy.Identity.Configuration;
using Microsoft.Extensions.Options;

namespace Canopy.Identity.Users;

/// <summary>The seeded users and their configured passwords, checked in fixed time.</summary>
public sealed class UserDirectory
{
    // Compared against when the user is unknown or has no password, so that the answer takes as long as for a known user.
    private static readonly byte[] NoPassword = RandomNumberGenerator.GetBytes(SHA256.HashSizeInBytes);

    private readonly Dictionary<string, (CanopyUser User, byte[]? Hash)> _users;

    public UserDirectory(IOptions<IdentityOptions> options)
    {
        var configured = options.Value.Users;
        _users = CanopyUser.Seeded.ToDictionary(
            user => user.Name,
            user => (user, configured.TryGetValue(user.Name, out var entry) && !string.IsNullOrEmpty(entry.Password) ? Hash(entry.Password) : null),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Seeded users that cannot sign in because no password is configured for them.</summary>
    public IEnumerable<CanopyUser> WithoutPassword => _users.Values.Where(u => u.Hash is null).Select(u => u.User);

    /// <summary>The user of that name if it may sign in (it has a password), else null.</summary>
    public CanopyUser? Find(string? name) =>
        name is not null && _users.TryGetValue(name, out var entry) && entry.Hash is not null ? entry.User : null;

    /// <summary>The user whose name and password these are, or null; never says which of the two was wrong.</summary>
    public CanopyUser? Verify(string? name, string? password)
    {
        var known = name is not null && _users.TryGetValue(name, out var entry) ? entry : default;
        var matches = CryptographicOperations.FixedTimeEquals(known.Hash ?? NoPassword, Hash(password ?? ""));
        return matches && known.Hash is not null ? known.User : null;
    }

    private static byte[] Hash(string password) => SHA256.HashData(Encoding.UTF8.GetBytes(password));
}
