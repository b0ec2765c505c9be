namespace Canopy.LoadTest;

/// <summary>What one load run drives: where, which feature, for how long, and when a turn has taken too long.</summary>
public sealed record LoadSettings(Uri Target, string Feature, TimeSpan Duration, TimeSpan Warmup, TimeSpan TurnTimeout, string AccessToken)
{
    /// <summary>Course questions asked in turn, so that retrieval does real work for each.</summary>
    public static readonly string[] Questions =
    [
        "Explain quantum entanglement",
        "What is a hash table and how are collisions handled?",
        "When does the spring semester start?",
        "What does gradient descent minimise?",
        "Which courses does the data science master require?",
        "What is the leaf area index of a forest canopy?",
        "Who teaches linear algebra?",
        "What is the policy on academic integrity?",
    ];
}
