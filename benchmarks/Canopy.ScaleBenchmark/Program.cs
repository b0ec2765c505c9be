using System.CommandLine;
using Canopy.ScaleBenchmark;

// dotnet run -c Release --project benchmarks/Canopy.ScaleBenchmark -- --sizes 1000,10000,100000,1000000   (see docs/benchmarks.md)
var sizes = new Option<string>("--sizes") { Description = "chunk counts to measure at, ascending; the index grows from one to the next", DefaultValueFactory = _ => "1000,10000,100000" };
var queries = new Option<int>("--queries") { Description = "queries per measurement", DefaultValueFactory = _ => 200 };
var data = new Option<string?>("--data") { Description = "folder for the index, kept and grown on by later runs with the same seed (default: a new temporary folder, deleted afterwards)", HelpName = "DIR" };
var seed = new Option<int>("--seed") { Description = "seed of the synthetic corpus", DefaultValueFactory = _ => 13 };
var postingsShare = new Option<double?>("--keyword-postings-share") { Description = "Canopy:Rag:KeywordPostingsShare to search with (default: the option's default)" };
var turns = new Option<int>("--turns") { Description = "chat turns to measure at each size through canopy-rag and canopy-be (extractive provider), run as processes over the index; 0 skips them", DefaultValueFactory = _ => 0 };
// The run measures start-up and memory by opening the index in a child process of itself.
var open = new Option<string?>("--open") { Description = "only open the index in DIR and report start-up and memory", HelpName = "DIR", Hidden = true };
var openSize = new Option<int>("--open-size") { Hidden = true };
var root = new RootCommand("Grows Canopy's embedded index with a clustered synthetic corpus through its real write path and prints one `scale n=<N> <measure>=<value>` line per measurement.")
{
    sizes, queries, data, seed, postingsShare, turns, open, openSize,
};
sizes.Validators.Add(result =>
{
    if (ScaleSettings.ParseSizes(result.GetValueOrDefault<string>()) is null) result.AddError("--sizes needs ascending chunk counts of at least 10, e.g. 1000,10000,100000.");
});
queries.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 1 or > 100_000) result.AddError("--queries needs a number from 1 to 100000.");
});
root.SetAction((parse, cancellationToken) => parse.GetValue(open) is { } folder
    ? ScaleRun.OpenOnlyAsync(folder, parse.GetValue(openSize), cancellationToken)
    : ScaleRun.RunAsync(
    new ScaleSettings(ScaleSettings.ParseSizes(parse.GetValue(sizes))!, parse.GetValue(queries), parse.GetValue(data), parse.GetValue(seed), parse.GetValue(postingsShare), parse.GetValue(turns)), cancellationToken));
turns.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 0 or > 100_000) result.AddError("--turns needs a number from 0 to 100000.");
});
postingsShare.Validators.Add(result =>
{
    if (result.GetValueOrDefault<double?>() is { } share && share is not (>= 0.0001 and <= 1.0)) result.AddError("--keyword-postings-share needs a share from 0.0001 to 1.");
});
return await root.Parse(args).InvokeAsync();
