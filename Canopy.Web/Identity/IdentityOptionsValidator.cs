using Microsoft.Extensions.Options;

namespace Canopy.Web.Identity;

/// <summary>Fails start-up with a message naming the missing setting, instead of a sign-in that breaks at the first visit.</summary>
internal sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Authority))
            failures.Add($"{IdentityOptions.Section}:Authority is not set: canopy-ui needs canopy-identity's address to sign users in (the AppHost sets Canopy__Identity__Authority).");
        else if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
            failures.Add($"{IdentityOptions.Section}:Authority '{options.Authority}' is not an absolute http or https address.");
        if (string.IsNullOrWhiteSpace(options.ClientId))
            failures.Add($"{IdentityOptions.Section}:ClientId is empty; leave it unset for 'canopy-ui'.");
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
            failures.Add($"{IdentityOptions.Section}:ClientSecret is not set: canopy-ui is a confidential client of canopy-identity (the AppHost sets Canopy__Identity__ClientSecret).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
