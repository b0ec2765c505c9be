using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.TestHost;

namespace Canopy.IntegrationTests.Identity;

/// <summary>
/// An API validates canopy-identity's access tokens with plain ASP.NET Core JwtBearer, from the discovery document and
/// its keys, as canopy-be, canopy-rag and canopy-calendar do: the token's audience must be the API's own.
/// </summary>
public sealed class JwtBearerValidationTests(IdentityProviderFactory provider) : IClassFixture<IdentityProviderFactory>
{
    [Theory]
    [InlineData("canopy-be")]
    [InlineData("canopy-rag")]
    [InlineData("canopy-calendar")]
    public async Task An_API_accepts_the_token_for_its_audience_and_reads_the_user_and_role(string audience)
    {
        var token = await SignInAsync("admin", OidcSignIn.DefaultScope);
        await using var api = await StartApiAsync(audience);

        using var response = await api.GetAsync("/me", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("admin admin admin", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_API_refuses_a_token_without_its_audience_or_with_a_changed_payload()
    {
        var onlyRag = await SignInAsync("student", "openid profile roles canopy-rag");
        var full = await SignInAsync("instructor", OidcSignIn.DefaultScope);
        var parts = full.Split('.');
        var forged = $"{parts[0]}.{parts[1].Replace('i', 'j')}.{parts[2]}";
        await using var api = await StartApiAsync("canopy-be");

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/me", onlyRag)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/me", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/me", token: null)).StatusCode);
    }

    private async Task<string> SignInAsync(string user, string scope)
    {
        using var browser = provider.Browser();
        return (await OidcSignIn.SignInAsync(browser, user, IdentityProviderFactory.Passwords[user], CancellationToken.None, scope)).AccessToken;
    }

    /// <summary>A minimal API with JwtBearer whose metadata requests go to the in-process provider.</summary>
    private async Task<TestApi> StartApiAsync(string audience)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(bearer =>
        {
            bearer.Authority = provider.Server.BaseAddress.ToString();
            bearer.Audience = audience;
            bearer.RequireHttpsMetadata = false;
            bearer.BackchannelHttpHandler = provider.Server.CreateHandler();
            bearer.MapInboundClaims = false;
            bearer.TokenValidationParameters.NameClaimType = "name";
            bearer.TokenValidationParameters.RoleClaimType = "role";
        });
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/me", (ClaimsPrincipal user) => $"{user.FindFirst("sub")?.Value} {user.Identity?.Name} {user.FindFirst("role")?.Value}")
            .RequireAuthorization(policy => policy.RequireRole("student", "instructor", "admin"));
        await app.StartAsync();
        return new TestApi(app);
    }

    private sealed class TestApi(WebApplication app) : IAsyncDisposable
    {
        private readonly HttpClient _client = app.GetTestClient();

        public Task<HttpResponseMessage> GetAsync(string path, string? token)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return _client.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await app.DisposeAsync();
        }
    }
}
