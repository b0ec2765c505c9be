using System.CommandLine;
using Canopy.Guardrails.Tool.Commands;

var repository = new Option<string?>("--repo") { Description = "the repository folder (default: found above the current folder)", Recursive = true };
var root = new RootCommand("Trains and evaluates Canopy's guardrail classifiers, and checks texts with them.") { repository };
root.Add(DistillCommand.Create(repository));
root.Add(TrainCommand.Create(repository));
root.Add(EvaluateCommand.Create(repository));
root.Add(CheckCommand.Create(repository));
return await root.Parse(args).InvokeAsync();
