namespace Canopy.Api.Agent.Memory;

/// <summary>
/// Whose conversation memory a request reads and writes: the caller's pseudonymous id, so one student never continues
/// another's conversation (or sees its pending writes) by guessing its id. canopy-be's own work has the owner <c>service</c>.
/// </summary>
public sealed class ConversationOwner(IHttpContextAccessor http, Pseudonyms pseudonyms)
{
    public const string Service = "service";

    public string Current => http.HttpContext?.User is { } user && pseudonyms.Of(user) is { } id ? id : Service;
}
