using System.CommandLine;
using Canopy.ScaleBenchmark;

// dotnet run -c Release --project benchmarks/Canopy.ScaleBenchmark -- --sizes 1000,10000,100000,1000000   (see docs/benchmarks.md)
var sizes = new Option<string>("--sizes") { Description = "chunk counts to measure at, ascending; the index grows from one to the next", DefaultValueFactory = _ => "1000,10000,100000" };
var queries = new Option<int>("--queries") { Description = "queries per measurement", DefaultValueFactory = _ => 200 };
var data = new Option<string?>("--data") { Description = "folder for the index, kept and grown on by later runs with the same seed (default: a new temporary folder, deleted afterwards)", HelpName = "DIR" };
var seed = new Option<int>("--seed") { Description = "seed of the synthetic corpus", DefaultValueFactory = _ => 13 };
var postingsShare = new Option<double?>("--keyword-postings-share") { Description = "Canopy:Rag:KeywordPostingsShare to search with (default: the option's default)" };
var turns = new Option<int>("--turns") { Description = "chat turns to measure at each size through canopy-rag and canopy-be (extractive provider), run as processes over the index; 0 skips them", DefaultValueFactory = _ => 0 };
var words = new Option<CorpusWords>("--words") { Description = "what synthetic texts are written with: English words of the embedding model's vocabulary, or the letter strings of the first runs", DefaultValueFactory = _ => CorpusWords.English };
var serviceCpus = new Option<string?>("--service-cpus") { Description = "bind canopy-rag and canopy-be to one CPU each for the turns, e.g. 0,1 (Linux taskset), as pods limited to one core", HelpName = "RAG,BE" };
var warmupTurns = new Option<int>("--warmup-turns") { Description = "unmeasured turns before the measured ones, so that both services run their optimised code (tiered JIT) as a server that has been up a while does; the median of each 500 is printed", DefaultValueFactory = _ => 3000 };
// The run measures start-up and memory by opening the index in a child process of itself.
var open = new Option<string?>("--open") { Description = "only open the index in DIR and report start-up and memory", HelpName = "DIR", Hidden = true };
var openSize = new Option<int>("--open-size") { Hidden = true };
var root = new RootCommand("Grows Canopy's embedded index with a clustered synthetic corpus through its real write path and prints one `scale n=<N> <measure>=<value>` line per measurement.")
{
    sizes, queries, data, seed, postingsShare, turns, warmupTurns, words, serviceCpus, open, openSize,
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
    new ScaleSettings(ScaleSettings.ParseSizes(parse.GetValue(sizes))!, parse.GetValue(queries), parse.GetValue(data), parse.GetValue(seed), parse.GetValue(postingsShare), parse.GetValue(turns), parse.GetValue(warmupTurns), parse.GetValue(words), ScaleSettings.ParseCpus(parse.GetValue(serviceCpus))), cancellationToken));
turns.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 0 or > 100_000) result.AddError("--turns needs a number from 0 to 100000.");
});
serviceCpus.Validators.Add(result =>
{
    if (ScaleSettings.ParseCpus(result.GetValueOrDefault<string?>()) is null) result.AddError("--service-cpus needs two CPU numbers, canopy-rag's then canopy-be's, e.g. 0,1.");
});
warmupTurns.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 0 or > 100_000) result.AddError("--warmup-turns needs a number from 0 to 100000.");
});
postingsShare.Validators.Add(result =>
{
    if (result.GetValueOrDefault<double?>() is { } share && share is not (>= 0.0001 and <= 1.0)) result.AddError("--keyword-postings-share needs a share from 0.0001 to 1.");
});
return await root.Parse(args).InvokeAsync();
