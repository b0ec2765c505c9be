using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Canopy.Identity.Account;

/// <summary>The login page and its short answers: plain HTML, no script, styled by <c>login.css</c> only.</summary>
public static class LoginPage
{
    public const string WrongCredentials = "The user name or password is wrong.";
    public const string NotLocalReturnUrl = "The return address is not on this site: sign-in refused.";

    public static IResult Form(HttpContext context, AntiforgeryTokenSet tokens, string? returnUrl, string? userName = null, string? error = null)
    {
        var action = Encode(context.Request.PathBase + AccountEndpoints.LoginPath);
        var body = $"""
            <h1>Sign in to Canopy</h1>
            {(error is null ? "" : $"""<p class="error" role="alert">{Encode(error)}</p>""")}
            <form method="post" action="{action}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">
              <input type="hidden" name="ReturnUrl" value="{Encode(returnUrl)}">
              <label for="username">User name</label>
              <input id="username" name="UserName" autocomplete="username" required autofocus value="{Encode(userName)}">
              <label for="password">Password</label>
              <input id="password" name="Password" type="password" autocomplete="current-password" required>
              <button type="submit">Sign in</button>
            </form>
            """;
        return Page(context, body, StatusCodes.Status200OK);
    }

    public static IResult Message(HttpContext context, string message, int statusCode) =>
        Page(context, $"""
            <h1>Canopy sign-in</h1>
            <p{(statusCode >= 400 ? " class=\"error\" role=\"alert\"" : "")}>{Encode(message)}</p>
            """, statusCode);

    private static IResult Page(HttpContext context, string body, int statusCode)
    {
        // The page holds an antiforgery token and, after a failure, the name typed: never from a cache.
        context.Response.Headers.CacheControl = "no-store";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Sign in · Canopy</title>
              <link rel="stylesheet" href="{Encode(context.Request.PathBase + "/login.css")}">
            </head>
            <body>
            <main>
            {body}
            </main>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    private static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");
}
