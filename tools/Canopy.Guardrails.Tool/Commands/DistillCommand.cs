using System.CommandLine;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Distillation;

namespace Canopy.Guardrails.Tool.Commands;

/// <summary><c>distill [--dimensions 256]</c>: writes the MiniLM vocabulary and token vectors next to the classifiers.</summary>
public static class DistillCommand
{
    public static Command Create(Option<string?> repository)
    {
        var dimensions = new Option<int>("--dimensions") { Description = "principal components kept per token vector", DefaultValueFactory = _ => 256 };
        var command = new Command("distill", "Distil all-MiniLM-L6-v2 into one int8 vector per vocabulary token (about 3 minutes on 2 cores).") { dimensions };
        command.SetAction(parse =>
        {
            var folders = DataFolders.Locate(parse.GetValue(repository));
            var (vectors, vocabulary) = TokenVectorDistiller.Distil(parse.GetValue(dimensions), Console.WriteLine);
            Directory.CreateDirectory(folders.Models);
            File.WriteAllLines(Path.Combine(folders.Models, SemanticModels.VocabularyFile), vocabulary);
            using (var file = File.Create(Path.Combine(folders.Models, SemanticModels.TokenVectorsFile))) vectors.Write(file);
            Console.WriteLine($"Wrote {vectors.Count:N0} vectors of {vectors.Dimensions} dimensions to {folders.Models}.");
            return 0;
        });
        return command;
    }
}
