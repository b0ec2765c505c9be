using System.Net;
using System.Text.RegularExpressions;

namespace Canopy.TestUtilities.Identity;

/// <summary>The login page of canopy-identity as a client reads it: where the form posts, its hidden fields, its error.</summary>
public sealed partial record LoginPageForm(string Action, IReadOnlyDictionary<string, string> HiddenFields, string? Error)
{
    /// <summary>The form of an HTML page, or null when the page has none.</summary>
    public static LoginPageForm? Parse(string html)
    {
        var form = FormTag().Match(html);
        if (!form.Success) return null;
        var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var attributes = Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value.ToLowerInvariant(), a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
                hidden[name] = attributes.GetValueOrDefault("value") ?? "";
        }
        return new LoginPageForm(WebUtility.HtmlDecode(form.Groups[1].Value), hidden, ErrorOf(html));
    }

    /// <summary>The text of the page's alert (<c>role="alert"</c>), if it shows one.</summary>
    public static string? ErrorOf(string html)
    {
        var alert = Alert().Match(html);
        return alert.Success ? WebUtility.HtmlDecode(alert.Groups[1].Value).Trim() : null;
    }

    /// <summary>The fields to post: the hidden ones (antiforgery token, return URL) and the credentials.</summary>
    public FormUrlEncodedContent Fill(string user, string password) =>
        new(HiddenFields.Append(new("UserName", user)).Append(new("Password", password)));

    [GeneratedRegex("""<form[^>]*\baction="([^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"\b([a-zA-Z-]+)=""([^""]*)""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""<p[^>]*role="alert"[^>]*>([^<]*)</p>""", RegexOptions.IgnoreCase)]
    private static partial Regex Alert();
}
