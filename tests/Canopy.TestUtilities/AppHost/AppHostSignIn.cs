using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Canopy.TestUtilities.Identity;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// Signs the seeded users in to a test AppHost's canopy-identity through the real authorization-code flow, once per
/// user, and gives clients that send their access token.
/// </summary>
public sealed class AppHostSignIn(DistributedApplication app)
{
    /// <summary>The seeded users' passwords, set as the AppHost's parameters instead of generated ones.</summary>
    public static IReadOnlyDictionary<string, string> Passwords { get; } = new Dictionary<string, string>
    {
        ["student"] = "student-test-password-1",
        ["instructor"] = "instructor-test-password-2",
        ["admin"] = "admin-test-password-3",
    };

    public const string PseudonymKey = "pseudonym-test-key";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    public static void ApplyTo(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var (user, password) in Passwords) builder.Configuration[$"Parameters:{user}-password"] = password;
        builder.Configuration["Parameters:canopy-ui-client-secret"] = "canopy-ui-test-client-secret";
        builder.Configuration["Parameters:pseudonym-key"] = PseudonymKey;
        builder.Configuration["Parameters:canopy-be-client-secret"] = "canopy-be-test-client-secret";
    }

    public Task SignInAllAsync() => Task.WhenAll(Passwords.Keys.Select(AccessTokenAsync));

    public Task<string> AccessTokenAsync(string user) =>
        _tokens.GetOrAdd(user, u => new Lazy<Task<string>>(() => SignInAsync(u))).Value;

    /// <summary>A client of <paramref name="resource"/> signed in as <paramref name="user"/>, or anonymous when null.</summary>
    public HttpClient Client(string resource, string? user) =>
        UntracedClient.For(app, resource, user is null ? null : () => AccessTokenAsync(user));

    private async Task<string> SignInAsync(string user)
    {
        using var identity = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true })
        {
            BaseAddress = app.GetEndpoint("canopy-identity", "http"),
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var tokens = await OidcSignIn.SignInAsync(identity, user, Passwords[user], timeout.Token);
        return tokens.AccessToken;
    }
}

/// <summary>Sets the bearer token on every request, asking for it on the first.</summary>
internal sealed class BearerTokenHandler(Func<Task<string>> token) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await token());
        return await base.SendAsync(request, cancellationToken);
    }
}
