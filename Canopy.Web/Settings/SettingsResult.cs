namespace Canopy.Web.Settings;

/// <summary>
/// What a call to canopy-be's settings API came to: the value, or a message to show instead. <see cref="SessionExpired"/>: the
/// token was refused, and the layout's banner already asks for a new sign-in.
/// </summary>
public sealed record SettingsResult<T>(T? Value, string? Problem = null, bool SessionExpired = false)
{
    public bool Ok => Problem is null && !SessionExpired;

    public static SettingsResult<T> Expired { get; } = new(default, null, SessionExpired: true);

    public static SettingsResult<T> Failed(string problem) => new(default, problem);
}
