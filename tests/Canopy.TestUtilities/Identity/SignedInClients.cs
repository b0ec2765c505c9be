using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Canopy.TestUtilities.Identity;

/// <summary>Clients of an in-process service that accepts <see cref="LocalTokens"/>, signed in as a given role.</summary>
public static class SignedInClients
{
    public static HttpClient CreateClientAs<TEntryPoint>(this WebApplicationFactory<TEntryPoint> factory, string role) where TEntryPoint : class
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocalTokens.For(role));
        return client;
    }
}
