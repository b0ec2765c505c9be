using System.CommandLine;
using Canopy.LoadTest;

var url = new Option<string>("--url") { Description = "canopy-be's base address (loopback only).", DefaultValueFactory = _ => "http://localhost:5081" };
var concurrency = new Option<int[]>("--concurrency", "-c") { Description = "Concurrent streaming chats, one run per value.", DefaultValueFactory = _ => [1, 8, 64], AllowMultipleArgumentsPerToken = true };
var duration = new Option<int>("--duration", "-d") { Description = "Seconds each level runs (new turns start only inside it).", DefaultValueFactory = _ => 60 };
var warmup = new Option<int>("--warmup") { Description = "Seconds of load before each level that are not counted.", DefaultValueFactory = _ => 5 };
var timeout = new Option<int>("--timeout") { Description = "Seconds after which one turn counts as an error and is abandoned.", DefaultValueFactory = _ => 30 };
var feature = new Option<string>("--feature") { Description = "The chat feature to ask.", DefaultValueFactory = _ => "information-search" };
var token = new Option<string?>("--token") { Description = "A signed-in user's access token (canopy-be answers 401 without one); that user's limits (Canopy:RateLimits) apply to the whole run. Default: $CANOPY_TOKEN." };

var root = new RootCommand("Drives concurrent streaming chats against a running canopy-be and reports turn times, throughput, errors and sheds.")
{
    url, concurrency, duration, warmup, timeout, feature, token,
};
root.SetAction(async (parse, cancellationToken) =>
{
    if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var target))
    {
        Console.Error.WriteLine($"--url: '{parse.GetValue(url)}' is not an absolute address.");
        return 2;
    }
    if ((parse.GetValue(token) ?? Environment.GetEnvironmentVariable("CANOPY_TOKEN")) is not { Length: > 0 } accessToken)
    {
        Console.Error.WriteLine("--token: canopy-be serves signed-in users only; pass a user's access token (or set CANOPY_TOKEN).");
        return 2;
    }
    var settings = new LoadSettings(target, parse.GetValue(feature)!, TimeSpan.FromSeconds(parse.GetValue(duration)),
        TimeSpan.FromSeconds(parse.GetValue(warmup)), TimeSpan.FromSeconds(parse.GetValue(timeout)), accessToken);
    if (!settings.Target.IsLoopback)
    {
        Console.Error.WriteLine($"Refusing {settings.Target}: the load generator only drives services on this machine (loopback).");
        return 2;
    }
    var results = new List<LevelResult>();
    foreach (var level in parse.GetValue(concurrency)!)
    {
        Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {level} concurrent chats for {settings.Duration.TotalSeconds:0} s (+{settings.Warmup.TotalSeconds:0} s warm-up)...");
        var result = await LoadRun.RunAsync(settings, level, cancellationToken);
        results.Add(result);
        Console.Error.WriteLine($"{DateTime.Now:HH:mm:ss} {result.Summary()}");
    }
    Console.WriteLine(Report.Markdown(settings, results));
    return results.Any(r => r.Errors > 0) ? 1 : 0;
});
return await root.Parse(args).InvokeAsync();
