using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Canopy.TestUtilities.Files;

namespace Canopy.TestUtilities.AppHost;

/// <summary>
/// Gives one test AppHost's services their own data directories: the AppHosts of different test collections run at the
/// same time, and would otherwise share canopy-rag's index and documents folder and canopy-be's feedback and evaluation databases and canopy-calendar's events.
/// canopy-rag's index starts as a copy of <see cref="CorpusIndexTemplate"/>: the bundled corpus already embedded.
/// </summary>
public sealed class IsolatedData : IDisposable
{
    public string Root { get; } = TestDirectory.Create("canopy-apphost-");

    public async Task ApplyToAsync(IDistributedApplicationTestingBuilder builder)
    {
        var rag = Directory.CreateDirectory(Path.Combine(Root, "rag")).FullName;
        File.Copy(await CorpusIndexTemplate.EnsureAsync(), Path.Combine(rag, "index.db"));
        builder.CreateResourceBuilder<ProjectResource>("canopy-rag").WithEnvironment("Canopy__Rag__DataPath", Path.Combine(Root, "rag"));
        builder.CreateResourceBuilder<ProjectResource>("canopy-be").WithEnvironment("Canopy__Feedback__DataPath", Path.Combine(Root, "be"))
            .WithEnvironment("Canopy__ApiKeys__DataPath", Path.Combine(Root, "be"))
            .WithEnvironment("Canopy__Settings__DataPath", Path.Combine(Root, "be"))
            .WithEnvironment("Canopy__Prompts__DataPath", Path.Combine(Root, "be"))
            .WithEnvironment("Canopy__Evaluations__DataPath", Path.Combine(Root, "be"))
            .WithEnvironment("Canopy__Agent__DataPath", Path.Combine(Root, "be"))
            // Tests ask far more often than a student; the limits have their own tests.
            .WithEnvironment("Canopy__RateLimits__ChatTurnsPerMinute", "100000").WithEnvironment("Canopy__RateLimits__OpenAiCallsPerMinute", "100000")
            .WithEnvironment("Canopy__RateLimits__ConcurrentStreams", "100");
        builder.CreateResourceBuilder<ProjectResource>("canopy-calendar").WithEnvironment("Canopy__Calendar__DataPath", Path.Combine(Root, "calendar"));
        builder.CreateResourceBuilder<ProjectResource>("canopy-identity").WithEnvironment("Identity__DataPath", Path.Combine(Root, "identity"));
        AppHostSignIn.ApplyTo(builder);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
