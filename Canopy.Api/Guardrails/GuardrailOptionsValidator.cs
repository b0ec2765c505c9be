using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Canopy.Api.Guardrails;

/// <summary>Checks what data annotations cannot: nested remote settings, that every configured pattern compiles, and a help message that says something.</summary>
public sealed class GuardrailOptionsValidator : IValidateOptions<GuardrailOptions>
{
    public ValidateOptionsResult Validate(string? name, GuardrailOptions options)
    {
        var errors = new List<string>();
        var remote = new List<ValidationResult>();
        Validator.TryValidateObject(options.Remote, new ValidationContext(options.Remote), remote, validateAllProperties: true);
        errors.AddRange(remote.Select(r => r.ErrorMessage ?? "Invalid Remote settings."));
        var rules = options.DenyList.Select(r => ("DenyList", r)).Concat(options.Topics.SelectMany(t => t.Value.Denied.Select(r => ($"Topics:{t.Key}", r))));
        foreach (var (where, rule) in rules)
        {
            if (string.IsNullOrWhiteSpace(rule.Name)) errors.Add($"{where}: every rule needs a Name.");
            try { DenyListDetector.Compile(rule.Pattern); }
            catch (ArgumentException ex) { errors.Add($"{where}:{rule.Name}: the pattern does not compile ({ex.Message})."); }
        }
        foreach (var (detector, settings) in options.Detectors)
        {
            foreach (var t in new[] { settings.Threshold }.Concat(settings.Features.Values.Select(f => f.Threshold)))
            {
                if (t is < 0 or > 1) errors.Add($"Detectors:{detector}: a threshold lies between 0 and 1.");
            }
        }
        if (string.IsNullOrWhiteSpace(options.SelfHarmMessage)) errors.Add("SelfHarmMessage: say where a student at risk can find help; it may not be empty.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
