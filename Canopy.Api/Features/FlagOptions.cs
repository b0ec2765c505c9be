namespace Canopy.Api.Features;

/// <summary>A flag's configured state (<c>Canopy:Flags:&lt;id&gt;</c>), which an admin's setting overrides.</summary>
public sealed class FlagOptions
{
    public string Name { get; set; } = "";

    public bool Enabled { get; set; } = true;
}
