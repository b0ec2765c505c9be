using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Canopy.Web.Identity;

/// <summary>
/// The services of the circuit whose activity is running, for code that IHttpClientFactory resolves in its own scope
/// (message handlers); null outside a circuit, e.g. while prerendering.
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}

/// <summary>Sets <see cref="CircuitServicesAccessor.Services"/> around every inbound activity of a circuit (events, interop, navigation).</summary>
internal sealed class CircuitServicesHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
