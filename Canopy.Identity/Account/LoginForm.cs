namespace Canopy.Identity.Account;

/// <summary>The fields the login page posts (besides the antiforgery token).</summary>
public sealed class LoginForm
{
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}
