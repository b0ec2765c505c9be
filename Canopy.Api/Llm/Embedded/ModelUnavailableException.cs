namespace Canopy.Api.Llm.Embedded;

/// <summary>The model could not be had; <see cref="Exception.Message"/> is the reason shown to people.</summary>
public sealed class ModelUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);
