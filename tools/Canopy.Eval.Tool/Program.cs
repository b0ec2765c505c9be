using System.CommandLine;
using Canopy.Eval.Tool;

var url = new Option<string>("--url") { Description = "canopy-be's base address.", DefaultValueFactory = _ => "http://localhost:5081", Recursive = true };
var token = new Option<string?>("--token")
{
    Description = "An instructor's or admin's access token (the evaluations API serves no one else). Default: $CANOPY_TOKEN.",
    Recursive = true,
};

var feature = new Option<string>("--feature") { Description = "The feature to evaluate.", DefaultValueFactory = _ => "information-search" };
var set = new Option<string>("--set") { Description = "The evaluation set (eval sets lists them).", Required = true };
var version = new Option<int?>("--version") { Description = "The prompt version to run; the champion when left out." };
var minScore = new Option<double?>("--min-score") { Description = "Exit with 1 when the run's score is below this (0 to 1)." };

var run = new Command("run", "Starts a run through canopy-be, shows its progress until it ends and prints its metrics; exits 1 when it fails.")
{
    feature, set, version, minScore,
};
run.SetAction((parse, cancellationToken) => WithClientAsync(parse, eval =>
    eval.RunAsync(parse.GetValue(feature)!, parse.GetValue(set)!, parse.GetValue(version), parse.GetValue(minScore), cancellationToken)));

var sets = new Command("sets", "Lists the evaluation sets.");
sets.SetAction((parse, cancellationToken) => WithClientAsync(parse, eval => eval.SetsAsync(cancellationToken)));

var limit = new Option<int>("--limit") { Description = "How many runs, newest first.", DefaultValueFactory = _ => 20 };
var runs = new Command("runs", "Lists the latest runs with their scores.") { limit };
runs.SetAction((parse, cancellationToken) => WithClientAsync(parse, eval => eval.RunsAsync(parse.GetValue(limit), cancellationToken)));

var root = new RootCommand("Runs Canopy's evaluation sets against a feature's prompt version through canopy-be's API.") { url, token, run, sets, runs };
return await root.Parse(args).InvokeAsync();

async Task<int> WithClientAsync(ParseResult parse, Func<Commands, Task<int>> action)
{
    if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var target))
    {
        Console.Error.WriteLine($"--url: '{parse.GetValue(url)}' is not an absolute address.");
        return 2;
    }
    if ((parse.GetValue(token) ?? Environment.GetEnvironmentVariable("CANOPY_TOKEN")) is not { Length: > 0 } accessToken)
    {
        Console.Error.WriteLine("--token: the evaluations API serves signed-in instructors; pass an access token (or set CANOPY_TOKEN).");
        return 2;
    }
    using var client = new EvalClient(target, accessToken);
    try
    {
        return await action(new Commands(client, Console.Out, Console.Error));
    }
    catch (EvalApiException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
    catch (HttpRequestException ex)
    {
        Console.Error.WriteLine($"canopy-be at {target} cannot be reached: {ex.Message}");
        return 3;
    }
}
