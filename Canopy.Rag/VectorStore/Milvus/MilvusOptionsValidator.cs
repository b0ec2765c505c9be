using Microsoft.Extensions.Options;

namespace Canopy.Rag.VectorStore.Milvus;

/// <summary>Fails start-up with a clear message when the Milvus connection string is missing or malformed.</summary>
internal sealed class MilvusOptionsValidator(IConfiguration configuration) : IValidateOptions<MilvusOptions>
{
    public ValidateOptionsResult Validate(string? name, MilvusOptions options)
    {
        var connectionString = configuration.GetConnectionString(options.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            return ValidateOptionsResult.Fail(
                $"Canopy:VectorStore is 'milvus' but the connection string 'ConnectionStrings:{options.ConnectionName}' is not set; " +
                $"expected '{MilvusConnectionString.Format}'.");
        try
        {
            MilvusConnectionString.Parse(connectionString);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException ex)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:{options.ConnectionName} is invalid: {ex.Message}");
        }
    }
}
