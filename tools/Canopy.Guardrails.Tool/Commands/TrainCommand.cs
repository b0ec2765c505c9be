using System.CommandLine;
using System.Diagnostics;
using Canopy.Api.Guardrails.Semantic;
using Canopy.Embeddings;
using Canopy.Guardrails.Tool.Data;
using Canopy.Guardrails.Tool.Training;

namespace Canopy.Guardrails.Tool.Commands;

/// <summary><c>train</c>: trains the harmful-request (with its reader of other languages), prompt-injection and indirect-injection classifiers and writes them next to the token vectors.</summary>
public static class TrainCommand
{
    public const string Invocation = "dotnet run --project tools/Canopy.Guardrails.Tool -c Release -- train";

    public static Command Create(Option<string?> repository)
    {
        var command = new Command("train", "Train the shipped classifiers on the training pool (thresholds chosen out-of-fold); about 9 minutes on 2 cores.");
        command.SetAction(parse =>
        {
            var folders = DataFolders.Locate(parse.GetValue(repository));
            var pool = GuardrailPool.Load(folders, forEvaluation: false);
            var embedder = SemanticModels.LoadEmbedder(folders.Models);
            var settings = GuardrailSettings.Default;
            var clock = Stopwatch.StartNew();
            Console.WriteLine($"Training on {pool.Count:N0} rows ({folders.Find(GuardrailPool.PoolFile)}).");
            using var encoder = new MiniLmEmbeddingGenerator();
            var models = ShippedModels.TrainRequests([.. pool, .. WrittenPrompts.Read(folders)], embedder, encoder, settings, Invocation, Console.WriteLine);
            foreach (var (model, file) in new[] { (models.Harm, SemanticModels.HarmModelFile), (models.HarmSentence, SemanticModels.HarmSentenceModelFile), (models.HarmPurpose, SemanticModels.HarmPurposeModelFile),
                (models.Injection, SemanticModels.InjectionModelFile), (models.InjectionSentence, SemanticModels.InjectionSentenceModelFile) })
            {
                model.Save(Path.Combine(folders.Models, file));
                Console.WriteLine($"{file}: {model.Provenance.RowsByDataset.Values.Sum():N0} rows, threshold {model.Threshold:0.0000} ({clock.Elapsed.TotalSeconds:0} s)");
            }
            var languages = OtherLanguageTask.Read(folders);
            var otherLanguages = OtherLanguageTask.Train(languages, Invocation);
            otherLanguages.Save(Path.Combine(folders.Models, SemanticModels.HarmOtherLanguagesModelFile));
            Console.WriteLine($"{SemanticModels.HarmOtherLanguagesModelFile}: {languages.Count:N0} rows, threshold {otherLanguages.Threshold:0.0000} ({clock.Elapsed.TotalSeconds:0} s)");
            var indirect = ShippedModels.TrainIndirect(pool, [.. PassageData.CorpusChunks(folders.Corpus), .. PassageData.Readings(folders)], embedder, encoder, settings, Invocation);
            indirect.Save(Path.Combine(folders.Models, SemanticModels.IndirectModelFile));
            Console.WriteLine($"{SemanticModels.IndirectModelFile}: {indirect.Provenance.RowsByDataset.Values.Sum():N0} passages, threshold {indirect.Threshold:0.0000}, topic similarity {indirect.TopicSimilarity:0.0000} ({clock.Elapsed.TotalSeconds:0} s)");
            return 0;
        });
        return command;
    }
}
