using Canopy.Identity.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Canopy.Identity.Storage;

public static class StorageExtensions
{
    public const string DatabaseFileName = "identity.db";

    /// <summary>The SQLite database of OpenIddict's stores, in <c>Identity:DataPath</c>.</summary>
    public static IHostApplicationBuilder AddIdentityStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDbContext<IdentityDbContext>((services, db) =>
        {
            var options = services.GetRequiredService<IOptions<IdentityOptions>>().Value;
            db.UseSqlite($"Data Source={DatabaseFile(services.GetRequiredService<IHostEnvironment>(), options)}");
            db.UseOpenIddict();
        });
        return builder;
    }

    public static string DataDirectory(IHostEnvironment environment, IdentityOptions options) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataPath));

    public static string DatabaseFile(IHostEnvironment environment, IdentityOptions options) =>
        Path.Combine(DataDirectory(environment, options), DatabaseFileName);
}
