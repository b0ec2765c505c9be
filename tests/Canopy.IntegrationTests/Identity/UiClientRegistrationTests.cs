using Canopy.TestUtilities.Files;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Canopy.IntegrationTests.Identity;

/// <summary>The canopy-ui registration follows configuration on every start: its URL changes between runs.</summary>
public sealed class UiClientRegistrationTests : IDisposable
{
    private const string MovedUiBaseUrl = "http://localhost:6234";
    private readonly string _dataPath = TestDirectory.Create("canopy-identity-restart-");

    [Fact]
    public async Task After_a_restart_at_another_UI_URL_only_the_new_redirect_URI_is_accepted_and_the_secret_still_works()
    {
        using (var first = IdentityProviderFactory.With(_ => { }, _dataPath))
        using (var browser = first.Browser())
        {
            Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync(Authorize(IdentityProviderFactory.UiBaseUrl))).StatusCode);
        }

        using var second = IdentityProviderFactory.With(s => s["Identity:UiClient:BaseUrl"] = MovedUiBaseUrl, _dataPath);
        using var ui = second.Browser();
        Assert.Equal(HttpStatusCode.BadRequest, (await ui.GetAsync(Authorize(IdentityProviderFactory.UiBaseUrl))).StatusCode);

        var code = await CodeForStudentAsync(ui, Authorize(MovedUiBaseUrl));
        Assert.Equal(HttpStatusCode.Unauthorized, (await RedeemAsync(ui, code, "wrong-secret")).StatusCode);
        using var redeemed = await RedeemAsync(ui, await CodeForStudentAsync(ui, Authorize(MovedUiBaseUrl)), IdentityProviderFactory.UiSecret);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Contains("access_token", await redeemed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_UI_URL_the_UI_client_is_not_registered_any_more()
    {
        using (var first = IdentityProviderFactory.With(_ => { }, _dataPath))
        using (var browser = first.Browser())
        {
            Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync(Authorize(IdentityProviderFactory.UiBaseUrl))).StatusCode);
        }

        using var second = IdentityProviderFactory.With(s => s.Remove("Identity:UiClient:BaseUrl"), _dataPath);
        using var ui = second.Browser();

        using var response = await ui.GetAsync(Authorize(IdentityProviderFactory.UiBaseUrl));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("client_id", await response.Content.ReadAsStringAsync());
        // The CSP no longer names a UI origin.
        Assert.Contains("form-action 'self';", Assert.Single((await ui.GetAsync("/account/login")).Headers.GetValues("Content-Security-Policy")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataPath, recursive: true);
    }

    private static readonly Pkce Challenge = Pkce.Create();

    private static string Authorize(string uiBaseUrl) =>
        $"/connect/authorize?client_id=canopy-ui&response_type=code&scope=openid%20profile%20roles%20canopy-be&state=s" +
        $"&redirect_uri={Uri.EscapeDataString(uiBaseUrl + "/signin-oidc")}&code_challenge={Challenge.Challenge}&code_challenge_method=S256";

    /// <summary>Signs the student in on the login page the authorize request leads to, and returns the code sent to the UI.</summary>
    private static async Task<(string Code, string RedirectUri)> CodeForStudentAsync(HttpClient browser, string authorize)
    {
        var response = await browser.GetAsync(authorize);
        if (response.Headers.Location!.AbsolutePath == "/account/login")
        {
            var form = LoginPageForm.Parse(await browser.GetStringAsync(response.Headers.Location))!;
            await browser.PostAsync(form.Action, form.Fill("student", IdentityProviderFactory.Passwords["student"]));
            response = await browser.GetAsync(authorize);
        }
        var callback = response.Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        return (query["code"] ?? throw new InvalidOperationException($"No code in {callback}"), callback.GetLeftPart(UriPartial.Path));
    }

    private static async Task<HttpResponseMessage> RedeemAsync(HttpClient client, (string Code, string RedirectUri) code, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code.Code, ["redirect_uri"] = code.RedirectUri, ["code_verifier"] = Challenge.Verifier,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"canopy-ui:{secret}")));
        return await client.SendAsync(request);
    }
}
