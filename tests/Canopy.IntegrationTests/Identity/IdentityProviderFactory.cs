using Canopy.Identity.Users;
using Canopy.TestUtilities.Files;

namespace Canopy.IntegrationTests.Identity;

/// <summary>
/// canopy-identity in-process as a developer runs it (Development: plain HTTP, development certificates), with the
/// three users' passwords, a UI client at <see cref="UiBaseUrl"/>, the service client's secret and its own temporary data directory.
/// </summary>
public sealed class IdentityProviderFactory : WebApplicationFactory<UserDirectory>
{
    public const string UiBaseUrl = "http://localhost:5123";
    public const string UiSecret = "canopy-ui-test-secret";
    public const string ServiceSecret = "canopy-be-test-secret";

    public static IReadOnlyDictionary<string, string> Passwords { get; } = new Dictionary<string, string>
    {
        ["student"] = "student-password-1",
        ["instructor"] = "instructor-password-2",
        ["admin"] = "admin-password-3",
    };

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsData;

    public IdentityProviderFactory() : this(_ => { }, null, "Development") { }

    /// <summary>A provider whose settings <paramref name="change"/> edits; over <paramref name="dataPath"/> to see a restart.</summary>
    public static IdentityProviderFactory With(Action<Dictionary<string, string?>> change, string? dataPath = null, string environment = "Development") =>
        new(change, dataPath, environment);

    private IdentityProviderFactory(Action<Dictionary<string, string?>> change, string? dataPath, string environment)
    {
        Environment = environment;
        _ownsData = dataPath is null;
        DataPath = dataPath ?? TestDirectory.Create("canopy-identity-");
        _settings = new Dictionary<string, string?>
        {
            ["Identity:DataPath"] = DataPath,
            ["Identity:UiClient:BaseUrl"] = UiBaseUrl,
            ["Identity:UiClient:Secret"] = UiSecret,
            ["Identity:ServiceClient:Secret"] = ServiceSecret,
        };
        foreach (var (user, password) in Passwords) _settings[$"Identity:Users:{user}:Password"] = password;
        change(_settings);
    }

    public string DataPath { get; }

    public string Environment { get; }

    /// <summary>A client like a browser: keeps cookies, does not follow redirects (what <see cref="OidcSignIn"/> needs).</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && _ownsData && Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
    }
}
