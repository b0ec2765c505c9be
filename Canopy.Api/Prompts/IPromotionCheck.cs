namespace Canopy.Api.Prompts;

/// <summary>A condition for moving the champion alias to another version (the evaluations register one).</summary>
public interface IPromotionCheck
{
    /// <summary>Why <paramref name="candidate"/> may not replace <paramref name="champion"/> as the feature's champion, or null.</summary>
    Task<string?> RefusalAsync(string feature, int champion, int candidate, CancellationToken cancellationToken);
}
