using Canopy.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ModeExtensions
{
    /// <summary>Binds the modes as options and returns them, for the registrations that depend on them.</summary>
    public static ModeOptions AddModes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ModeOptions>().BindConfiguration(ModeOptions.Section).ValidateOnStart();
        try
        {
            return builder.Configuration.GetSection(ModeOptions.Section).Get<ModeOptions>() ?? new ModeOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{ex.Message} {ModeOptions.Choices}", ex);
        }
    }
}
