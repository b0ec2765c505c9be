using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Canopy.UnitTests.Api;

/// <summary>Runs an endpoint result against an in-memory response and returns what it wrote, byte for byte.</summary>
public static class ResultText
{
    public static async Task<(string Body, HttpResponse Response)> WriteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (Encoding.UTF8.GetString(body.ToArray()), context.Response);
    }
}
