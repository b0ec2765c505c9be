using Microsoft.EntityFrameworkCore;

namespace Canopy.Identity.Storage;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens, in SQLite (<c>UseOpenIddict</c> adds the entities).</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options);
