using Canopy.Identity.Users;
using Microsoft.Extensions.Options;

namespace Canopy.Identity.Configuration;

/// <summary>Stops start-up with every configuration mistake named by its key.</summary>
public sealed class IdentityOptionsValidator(IHostEnvironment environment) : IValidateOptions<IdentityOptions>
{
    private const string Section = IdentityOptions.Section;

    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var errors = new List<string>();
        var seeded = string.Join(", ", CanopyUser.Seeded.Select(u => u.Name));
        foreach (var user in options.Users.Keys.Where(k => !CanopyUser.Seeded.Any(u => u.Name.Equals(k, StringComparison.OrdinalIgnoreCase))))
            errors.Add($"{Section}:Users:{user} is not a Canopy user; the users are {seeded}.");

        var ui = options.UiClient;
        if (!string.IsNullOrWhiteSpace(ui.BaseUrl) && ui.BaseUri is null)
            errors.Add($"{Section}:UiClient:BaseUrl must be an absolute http(s) URL such as http://localhost:5123, not '{ui.BaseUrl}'.");
        if (ui.BaseUri is not null && string.IsNullOrWhiteSpace(ui.Secret))
            errors.Add($"{Section}:UiClient:Secret is required when {Section}:UiClient:BaseUrl is set: canopy-ui is a confidential client.");

        var service = options.ServiceClient;
        if (service.IsConfigured && service.Secret.Length < ServiceClientOptions.MinimumSecretLength)
            errors.Add($"{Section}:ServiceClient:Secret must be at least {ServiceClientOptions.MinimumSecretLength} characters long (or left empty: canopy-be is then not registered).");

        if (string.IsNullOrWhiteSpace(options.DataPath))
            errors.Add($"{Section}:DataPath must name a directory (default: .canopy-data under the content root).");

        if (!string.IsNullOrWhiteSpace(options.Issuer) && !Uri.TryCreate(options.Issuer, UriKind.Absolute, out _))
            errors.Add($"{Section}:Issuer must be an absolute URL, not '{options.Issuer}'.");

        var certificate = options.SigningCertificate.Path;
        if (!string.IsNullOrWhiteSpace(certificate) && !File.Exists(Path.Combine(environment.ContentRootPath, certificate)))
            errors.Add($"{Section}:SigningCertificate:Path: no file at '{certificate}'.");
        if (string.IsNullOrWhiteSpace(certificate) && !environment.IsDevelopment())
            errors.Add($"{Section}:SigningCertificate:Path is required outside Development: name a PFX file that signs and encrypts tokens " +
                       $"(its password in {Section}:SigningCertificate:Password); the development certificates are for one developer machine only.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
