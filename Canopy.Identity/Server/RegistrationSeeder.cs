using Canopy.Identity.Configuration;
using Canopy.Identity.Storage;
using Canopy.Identity.Users;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace Canopy.Identity.Server;

/// <summary>
/// Before the first request: creates the database, and makes the stored scopes and clients match configuration
/// (the UI's URL and the service secret change between runs, so those registrations are rewritten on every start).
/// </summary>
public sealed partial class RegistrationSeeder(
    IServiceScopeFactory scopes, IOptions<IdentityOptions> options, IHostEnvironment environment,
    UserDirectory users, ILogger<RegistrationSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(StorageExtensions.DataDirectory(environment, options.Value));
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityDbContext>().Database.EnsureCreatedAsync(cancellationToken);

        var scopeManager = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        foreach (var (name, resource) in CanopyScopes.ApiResources)
            await UpsertScopeAsync(scopeManager, new OpenIddictScopeDescriptor { Name = name, DisplayName = name, Resources = { resource } }, cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await UpsertClientAsync(applications, ClientRegistrations.Cli(), cancellationToken);
        var ui = options.Value.UiClient;
        if (ui.BaseUri is { } baseUri)
        {
            await UpsertClientAsync(applications, ClientRegistrations.Ui(baseUri, ui.Secret!), cancellationToken);
        }
        else
        {
            LogNoUiClient(logger, ClientRegistrations.UiClientId);
            // A registration left by an earlier run would still accept sign-ins at that run's URL.
            await DeleteClientAsync(applications, ClientRegistrations.UiClientId, cancellationToken);
        }

        var service = options.Value.ServiceClient;
        if (service.IsConfigured)
        {
            await UpsertClientAsync(applications, ClientRegistrations.Service(service.Secret), cancellationToken);
        }
        else
        {
            LogNoServiceClient(logger, ClientRegistrations.ServiceClientId);
            // A registration left by an earlier run would still issue tokens for its old secret.
            await DeleteClientAsync(applications, ClientRegistrations.ServiceClientId, cancellationToken);
        }

        foreach (var user in users.WithoutPassword) LogNoPassword(logger, user.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task UpsertClientAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        else
            await applications.CreateAsync(descriptor, cancellationToken);
    }

    private static async Task DeleteClientAsync(IOpenIddictApplicationManager applications, string clientId, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } stale)
            await applications.DeleteAsync(stale, cancellationToken);
    }

    private static async Task UpsertScopeAsync(IOpenIddictScopeManager scopes, OpenIddictScopeDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (await scopes.FindByNameAsync(descriptor.Name!, cancellationToken) is { } existing)
            await scopes.UpdateAsync(existing, descriptor, cancellationToken);
        else
            await scopes.CreateAsync(descriptor, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity:UiClient:BaseUrl is not configured: the client {ClientId} is not registered.")]
    private static partial void LogNoUiClient(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity:ServiceClient:Secret is not configured: the client {ClientId} is not registered.")]
    private static partial void LogNoServiceClient(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No password is configured for the user {UserName} (Identity:Users:<name>:Password): it cannot sign in.")]
    private static partial void LogNoPassword(ILogger logger, string userName);
}
