using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Canopy.Contracts.ApiKeys;

namespace Canopy.IntegrationTests.Api;

/// <summary>Personal API keys: made with a sign-in token, shown once, stored hashed, good for the front door only, revocable.</summary>
public sealed class ApiKeyTests : IDisposable
{
    private readonly ApiFactory _factory = new();

    private HttpClient As(string role) => _factory.CreateClientAs(role);

    private HttpClient WithKey(string secret)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private async Task<ApiKeyCreated> CreateAsync(HttpClient owner, string name)
    {
        using var response = await owner.PostAsJsonAsync("/api/keys", new ApiKeyRequest(name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ApiKeyCreated>())!;
    }

    [Fact]
    public async Task A_key_opens_the_front_door_only_and_is_stored_as_a_hash()
    {
        using var student = As("student");
        var created = await CreateAsync(student, "notebook");
        using var key = WithKey(created.Secret);

        using var models = await key.GetAsync("/v1/models");
        using var chat = await key.PostAsJsonAsync("/api/chat", new { message = "Explain quantum entanglement" });
        using var keys = await key.GetAsync("/api/keys");
        var listed = await student.GetFromJsonAsync<List<ApiKeyInfo>>("/api/keys");

        Assert.StartsWith(ApiKeyFormat.SecretPrefix, created.Secret);
        Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, chat.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, keys.StatusCode);
        var only = Assert.Single(listed!);
        Assert.Equal(("notebook", created.Secret[..only.Prefix.Length], null), (only.Name, only.Prefix, only.Owner));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var stored = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(_factory.KeysPath, "api-keys.db")));
        Assert.DoesNotContain(created.Secret, stored);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(created.Secret))), stored);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_only_its_owner_or_an_admin_may_revoke_it()
    {
        using var student = As("student");
        using var instructor = As("instructor");
        using var admin = As("admin");
        var first = await CreateAsync(student, "first");
        var second = await CreateAsync(student, "second");

        using var notOwner = await instructor.DeleteAsync($"/api/keys/{first.Key.Id}");
        using var byOwner = await student.DeleteAsync($"/api/keys/{first.Key.Id}");
        using var listAsStudent = await student.GetAsync("/api/admin/keys");
        var all = await admin.GetFromJsonAsync<List<ApiKeyInfo>>("/api/admin/keys");
        using var byAdmin = await admin.DeleteAsync($"/api/admin/keys/{second.Key.Id}");

        Assert.Equal(HttpStatusCode.NotFound, notOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, listAsStudent.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, byAdmin.StatusCode);
        Assert.All(all!, k => Assert.Equal("student", k.Owner));
        Assert.Contains(all!, k => k.Id == first.Key.Id && k.RevokedAt is not null);
        foreach (var secret in new[] { first.Secret, second.Secret })
        {
            using var key = WithKey(secret);
            using var refused = await key.GetAsync("/v1/models");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var unknown = WithKey(ApiKeyFormat.SecretPrefix + "not-a-key-anyone-made");
        using var unknownRefused = await unknown.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.Unauthorized, unknownRefused.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0001b")]
    public async Task A_key_without_a_proper_name_is_a_400(string name)
    {
        using var student = As("student");
        using var response = await student.PostAsJsonAsync("/api/keys", new ApiKeyRequest(name));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("name", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Beyond_ten_active_keys_a_user_gets_409_until_one_is_revoked()
    {
        using var student = As("student");
        var keys = new List<ApiKeyCreated>();
        for (var i = 0; i < ApiKeyFormat.MaxActivePerUser; i++) keys.Add(await CreateAsync(student, $"key {i}"));

        using var eleventh = await student.PostAsJsonAsync("/api/keys", new ApiKeyRequest("one too many"));
        using var revoked = await student.DeleteAsync($"/api/keys/{keys[0].Key.Id}");
        using var again = await student.PostAsJsonAsync("/api/keys", new ApiKeyRequest("one too many"));

        Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
        Assert.Equal("application/problem+json", eleventh.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    public void Dispose() => _factory.Dispose();
}
