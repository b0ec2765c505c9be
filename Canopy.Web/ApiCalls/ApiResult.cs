namespace Canopy.Web.ApiCalls;

/// <summary>
/// What a call to one of canopy-be's management APIs came to: the value, or a message to show instead.
/// <see cref="SessionExpired"/>: the token was refused, and the layout's banner already asks for a new sign-in.
/// </summary>
public sealed record ApiResult<T>(T? Value, string? Problem = null, bool SessionExpired = false)
{
    public bool Ok => Problem is null && !SessionExpired;

    public static ApiResult<T> Expired { get; } = new(default, null, SessionExpired: true);

    public static ApiResult<T> Failed(string problem) => new(default, problem);
}
