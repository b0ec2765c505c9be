using System.Buffers.Text;
using System.Net;
using System.Text.Json;

namespace Canopy.TestUtilities.Identity;

/// <summary>
/// Signs a user in to canopy-identity the way a browser would, over HTTP only, as the public client <c>canopy-cli</c>:
/// authorization request with PKCE, login page (antiforgery token, user name, password), redirects up to the callback,
/// then the code exchanged at the token endpoint. The <see cref="HttpClient"/> must keep cookies and must NOT follow
/// redirects (<c>WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }</c>, or a
/// <c>SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true }</c>), and its BaseAddress is the provider's.
/// Use one client per user: its cookie keeps the user signed in.
/// </summary>
public static class OidcSignIn
{
    public const string ClientId = "canopy-cli";
    public const string RedirectUri = "http://127.0.0.1/callback";
    public const string DefaultScope = "openid profile roles canopy-be canopy-rag canopy-calendar";
    private const int MaxSteps = 10;

    public static async Task<OidcTokens> SignInAsync(HttpClient identity, string user, string password, CancellationToken cancellationToken = default, string scope = DefaultScope)
    {
        var authorization = await AuthorizeAsync(identity, user, password, cancellationToken, scope);
        var tokens = await ExchangeAsync(identity, authorization, cancellationToken);
        var subject = SubjectOf(tokens.AccessToken);
        if (!string.Equals(subject, user, StringComparison.OrdinalIgnoreCase))
            throw new OidcSignInException($"Asked to sign in as '{user}' but the token is for '{subject}': this client was already signed in; use a new HttpClient (new cookies) per user.");
        return tokens;
    }

    /// <summary>Runs the browser part of the flow and returns the code sent to <see cref="RedirectUri"/>, not yet redeemed.</summary>
    public static async Task<OidcAuthorization> AuthorizeAsync(HttpClient identity, string user, string password, CancellationToken cancellationToken = default, string scope = DefaultScope)
    {
        var pkce = Pkce.Create();
        var state = Pkce.RandomString();
        var query = QueryString(new()
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = scope,
            ["code_challenge"] = pkce.Challenge, ["code_challenge_method"] = Pkce.Method, ["state"] = state, ["nonce"] = Pkce.RandomString(),
        });
        var uri = new Uri(BaseOf(identity), "connect/authorize" + query);
        var response = await identity.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);
        var loginPosted = false;
        for (var step = 0; step < MaxSteps; step++)
        {
            using var current = response;
            var at = current.RequestMessage!.RequestUri!;
            if (IsRedirect(current.StatusCode) && current.Headers.Location is { } location)
            {
                var next = new Uri(at, location);
                if (next.GetLeftPart(UriPartial.Path) == RedirectUri) return CodeOf(next, state, pkce, user);
                response = await identity.SendAsync(new HttpRequestMessage(HttpMethod.Get, next), cancellationToken);
                continue;
            }
            var html = await current.Content.ReadAsStringAsync(cancellationToken);
            if (at.GetLeftPart(UriPartial.Path) == RedirectUri)
                throw new OidcSignInException($"Signing in as '{user}': the HttpClient followed the redirect to {RedirectUri} itself; create it with AllowAutoRedirect = false.");
            if (loginPosted)
                throw new OidcSignInException(LoginPageForm.ErrorOf(html) is { } error
                    ? $"Signing in as '{user}' failed: {error}"
                    : $"Signing in as '{user}' failed: {Describe(current, html)} (does the HttpClient keep cookies?)");
            if (current.StatusCode != HttpStatusCode.OK || LoginPageForm.Parse(html) is not { } form)
                throw new OidcSignInException($"Signing in as '{user}': expected the login page, got {Describe(current, html)}");

            var post = new HttpRequestMessage(HttpMethod.Post, new Uri(at, form.Action)) { Content = form.Fill(user, password) };
            try
            {
                response = await identity.SendAsync(post, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new OidcSignInException($"Signing in as '{user}': posting the login form failed ({ex.Message}); an HttpClient that follows " +
                                              $"redirects itself goes on to {RedirectUri}: create it with AllowAutoRedirect = false.", ex);
            }
            loginPosted = true;
        }
        response.Dispose();
        throw new OidcSignInException($"Signing in as '{user}' took more than {MaxSteps} steps without reaching {RedirectUri}.");
    }

    /// <summary>Redeems the code at the token endpoint with its PKCE verifier.</summary>
    public static Task<OidcTokens> ExchangeAsync(HttpClient identity, OidcAuthorization authorization, CancellationToken cancellationToken = default) =>
        TokenRequestAsync(identity, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = ClientId, ["code"] = authorization.Code,
            ["redirect_uri"] = authorization.RedirectUri, ["code_verifier"] = authorization.CodeVerifier,
        }, cancellationToken);

    /// <summary>New tokens for a refresh token (issued when <c>offline_access</c> was in the scope).</summary>
    public static Task<OidcTokens> RefreshAsync(HttpClient identity, string refreshToken, CancellationToken cancellationToken = default) =>
        TokenRequestAsync(identity, new() { ["grant_type"] = "refresh_token", ["client_id"] = ClientId, ["refresh_token"] = refreshToken }, cancellationToken);

    /// <summary>The <c>sub</c> of a JWT, read without validating it.</summary>
    public static string? SubjectOf(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length < 2) return null;
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        return payload.RootElement.TryGetProperty("sub", out var sub) ? sub.GetString() : null;
    }

    private static async Task<OidcTokens> TokenRequestAsync(HttpClient identity, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var response = await identity.PostAsync(new Uri(BaseOf(identity), "connect/token"), new FormUrlEncodedContent(form), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        using var json = TryParse(body);
        var root = json?.RootElement;
        string? Read(string name) => root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(name, out var v) ? v.ToString() : null;
        if (!response.IsSuccessStatusCode || Read("access_token") is not { } accessToken)
            throw new OidcSignInException($"The token endpoint refused the {form["grant_type"]} grant ({(int)response.StatusCode}): {Read("error") ?? "no error code"}: {Read("error_description") ?? body}");
        return new OidcTokens(accessToken, Read("refresh_token"), Read("id_token"),
            int.TryParse(Read("expires_in"), out var seconds) ? TimeSpan.FromSeconds(seconds) : null);
    }

    private static OidcAuthorization CodeOf(Uri callback, string state, Pkce pkce, string user)
    {
        var parameters = System.Web.HttpUtility.ParseQueryString(callback.Query);
        if (parameters["error"] is { } error)
            throw new OidcSignInException($"Signing in as '{user}': the provider answered {error}: {parameters["error_description"]}");
        if (parameters["state"] != state)
            throw new OidcSignInException($"Signing in as '{user}': the callback's state does not match the request's.");
        return parameters["code"] is { Length: > 0 } code
            ? new OidcAuthorization(code, pkce.Verifier, RedirectUri)
            : throw new OidcSignInException($"Signing in as '{user}': the callback {callback} carries no code.");
    }

    private static Uri BaseOf(HttpClient identity) =>
        identity.BaseAddress ?? throw new ArgumentException("The HttpClient needs the provider's BaseAddress.", nameof(identity));

    private static string QueryString(Dictionary<string, string> parameters) =>
        "?" + string.Join("&", parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    private static JsonDocument? TryParse(string body)
    {
        try { return JsonDocument.Parse(body); }
        catch (JsonException) { return null; }
    }

    private static string Describe(HttpResponseMessage response, string body) =>
        $"{(int)response.StatusCode} from {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.GetLeftPart(UriPartial.Path)}: " +
        $"{LoginPageForm.ErrorOf(body) ?? (body.Length > 300 ? body[..300] + "…" : body)}";
}
