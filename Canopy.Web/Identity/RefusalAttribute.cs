namespace Canopy.Web.Identity;

/// <summary>What a page tells a signed-in user whose role may not open it, e.g. "Only administrators can change settings."</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RefusalAttribute(string message) : Attribute
{
    public const string Default = "You do not have access to this page.";

    public string Message { get; } = message;
}
