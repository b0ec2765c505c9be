using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Canopy.IntegrationTests.Api;

namespace Canopy.IntegrationTests.Security;

/// <summary>Feedback and spans carry a keyed hash of the user, the same for the same user, never the login name.</summary>
public sealed class PseudonymousUserTests
{
    private const string Key = "a-pseudonym-key-for-tests";

    [Fact]
    public async Task Feedback_and_its_span_carry_the_keyed_hash_of_the_user_not_the_name()
    {
        using var spans = new SpanRecorder();
        using var api = new ApiFactory();
        using var factory = api.WithWebHostBuilder(b => b.UseSetting("Canopy:Identity:PseudonymKey", Key));
        using var student = factory.CreateClient();
        student.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalTokens.For("student"));
        using var instructor = factory.CreateClient();

        const string traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
        using var created = await student.PostAsJsonAsync("/api/feedback", new { traceId, rating = "up" });
        using var again = await student.PostAsJsonAsync("/api/feedback", new { traceId = "6bf92f3577b34da6a3ce929d0e0e4736", rating = "down" });
        var list = await instructor.GetFromJsonAsync<JsonElement>("/api/feedback");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ids = list.EnumerateArray().Select(e => e.GetProperty("userPseudoId").GetString()).ToList();
        Assert.Equal([Expected("student"), Expected("student")], ids);
        Assert.NotEqual(Expected("instructor"), ids[0]);
        Assert.DoesNotContain("student", list.GetRawText());
        Assert.Equal(Expected("student"), spans.Single("feedback", ActivityTraceId.CreateFromString(traceId)).GetTagItem("enduser.pseudo.id"));
    }

    /// <summary>HMAC-SHA256 of the subject under the key, its first 16 bytes in lower-case hex (written out here, not taken from the service).</summary>
    private static string Expected(string subject) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), Encoding.UTF8.GetBytes(subject)).AsSpan(0, 16));
}
