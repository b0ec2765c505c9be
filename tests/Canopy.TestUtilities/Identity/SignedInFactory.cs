using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Canopy.TestUtilities.Identity;

/// <summary>
/// A service in-process that accepts <see cref="LocalTokens"/>, whose clients are signed in as <paramref name="role"/>
/// (instructor by default: it may do everything but admin work). Clear the client's Authorization header to be anonymous.
/// </summary>
public class SignedInFactory<TEntryPoint>(string role = "instructor") : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseLocalTokens();

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalTokens.For(role));
    }
}
