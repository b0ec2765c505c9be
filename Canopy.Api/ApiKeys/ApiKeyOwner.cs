namespace Canopy.Api.ApiKeys;

/// <summary>Who a key acts as: the provider's subject, the user name and the role the owner had when creating it.</summary>
public sealed record ApiKeyOwner(string Subject, string Name, string Role);
