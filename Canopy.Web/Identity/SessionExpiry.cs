namespace Canopy.Web.Identity;

/// <summary>
/// Whether canopy-be or canopy-rag refused this circuit's access token (it expired): the layout then offers a new sign-in
/// instead of each page reporting a broken service.
/// </summary>
public sealed class SessionExpiry
{
    public const string Message = "Your session has expired — sign in again.";

    public bool Expired { get; private set; }

    public event Action? Changed;

    public void MarkExpired()
    {
        if (Expired) return;
        Expired = true;
        Changed?.Invoke();
    }
}
