using Canopy.TestUtilities.Files;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Canopy.TestUtilities.Identity;

/// <summary>
/// A service in-process that accepts <see cref="LocalTokens"/>, whose clients are signed in as <paramref name="role"/>
/// (instructor by default: it may do everything but admin work). Clear the client's Authorization header to be anonymous.
/// Personal API keys, admins' settings, prompts and evaluations go to a folder of the factory's own.
/// </summary>
public class SignedInFactory<TEntryPoint>(string role = "instructor") : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public string KeysPath { get; } = TestDirectory.Create("canopy-keys-");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseLocalTokens().UseSetting("Canopy:ApiKeys:DataPath", KeysPath).UseSetting("Canopy:Settings:DataPath", KeysPath).UseSetting("Canopy:Prompts:DataPath", KeysPath)
            .UseSetting("Canopy:Evaluations:DataPath", KeysPath).UseSetting("Canopy:Agent:DataPath", KeysPath);

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalTokens.For(role));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(KeysPath, recursive: true); }
        catch (IOException) { }
    }
}
