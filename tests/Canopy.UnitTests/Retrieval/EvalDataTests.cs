using Canopy.Retrieval.Tool.Commands;
using Canopy.Retrieval.Tool.Data;
using Canopy.Retrieval.Tool.Evaluation;

namespace Canopy.UnitTests.Retrieval;

public sealed class EvalDataTests
{
    [Fact]
    public void Csv_rows_keep_quoted_commas_quotes_and_line_breaks()
    {
        var rows = CsvRows.Read(new StringReader("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n,,\n")).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["x, y", "say \"hi\"", "two\nlines"], rows[1]);
        Assert.Equal(["", "", ""], rows[2]);
    }

    [Fact]
    public void Sciq_skips_questions_without_support_and_merges_identical_supports()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                question,correct_answer,support
                What do plants make?,sugar,"Plants make sugar, using light."
                What do plants use?,light,"Plants make sugar, using light."
                Why is the sky blue?,scattering,
                What is H2O?,water,Water is H2O.
                """);

            var dataset = EvalDatasets.LoadSciq(path);

            Assert.Equal(2, dataset.Passages.Count);
            Assert.Equal(3, dataset.Questions.Count);
            Assert.Equal(dataset.Questions[0].PassageId, dataset.Questions[1].PassageId);
            Assert.Equal("Plants make sugar, using light.", dataset.Passages[0].Body);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Metrics_count_a_question_once_at_the_rank_of_its_passage()
    {
        var metrics = EvalMetrics.From([1, 2, 6, null]);

        Assert.Equal((0.25, 0.5, 0.75), (metrics.RecallAt1, metrics.RecallAt5, metrics.RecallAt10));
        Assert.Equal((1 + 0.5 + 1.0 / 6) / 4, metrics.Mrr, 10);
    }

    [Fact]
    public void The_corpus_question_set_names_only_bundled_documents()
    {
        var dataset = EvalDatasets.LoadCorpus(EvalPaths.CorpusQuestions(), EvalPaths.CorpusFolder());

        Assert.Equal(84, dataset.Questions.Count);
        Assert.Equal(15, dataset.Passages.Count);
        Assert.All(dataset.Questions, q => Assert.Contains(dataset.Passages, p => p.Id == q.PassageId));
    }

    [Theory]
    [InlineData(new string[0], "dataset")]
    [InlineData(new[] { "squad" }, "squad")]
    [InlineData(new[] { "xquad", "--questions", "0" }, "--questions needs a positive number")]
    [InlineData(new[] { "xquad", "--methods", "vector,bm42" }, "Unknown method(s): bm42")]
    [InlineData(new[] { "xquad", "--path" }, "--path")]
    [InlineData(new[] { "xquad", "stray" }, "Unexpected argument 'stray'")]
    public void Bad_eval_arguments_are_explained(string[] args, string reason) =>
        Assert.Contains(EvalCommand.Create().Parse(args).Errors, e => e.Message.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void Eval_arguments_pass_configuration_keys_through()
    {
        var parse = EvalCommand.Create().Parse(["SciQ", "--questions", "50", "--Canopy:Rag:Search:Fusion=rrf", "--sweep", "--methods", "vector, hybrid"]);

        Assert.Empty(parse.Errors);
        var parsed = EvalCommand.Read(parse);
        Assert.Equal(("sciq", 50, true), (parsed.Dataset, parsed.Questions, parsed.Sweep));
        Assert.Equal(["vector", "hybrid"], parsed.Methods);
        Assert.Equal(["--Canopy:Rag:Search:Fusion=rrf"], parsed.Configuration);
    }
}
