using System.CommandLine;
using Canopy.Retrieval.Tool.Commands;

var root = new RootCommand("Measures Canopy's retrieval offline, without the web host.");
root.Add(EvalCommand.Create());
return await root.Parse(args).InvokeAsync();
