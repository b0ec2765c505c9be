using Canopy.Contracts.Chat;
using Canopy.Contracts.Documents;
using Canopy.Web.Chat;
using Canopy.Web.Documents;

namespace Canopy.UnitTests.Web;

public sealed class DocumentViewTests
{
    private const string Content = "# Notes\n\n## Bell states\n\nThe four Bell states are\nmaximally entangled.   They form a basis.\n\n## Next\n\nMore text.";

    [Fact]
    public void A_passage_is_found_even_when_chunking_reflowed_its_whitespace()
    {
        var parts = PassageLocator.Split(Content, "The four Bell states are maximally entangled. They form a basis.");

        Assert.NotNull(parts);
        Assert.Equal("The four Bell states are\nmaximally entangled.   They form a basis.", parts.Value.Passage);
        Assert.Equal(Content, parts.Value.Before + parts.Value.Passage + parts.Value.After);
    }

    [Fact]
    public void A_chunk_with_extra_text_falls_back_to_its_longest_paragraph()
    {
        var parts = PassageLocator.Split(Content, "Notes > Bell states\n\nThe four Bell states are maximally entangled. They form a basis.");

        Assert.Equal("The four Bell states are\nmaximally entangled.   They form a basis.", parts?.Passage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A sentence that is nowhere in the document at all.")]
    public void Nothing_is_highlighted_when_the_passage_is_not_there(string? passage) =>
        Assert.Null(PassageLocator.Split(Content, passage));

    [Theory]
    [InlineData(413, "", "The file is too large.")]
    [InlineData(415, "", "This kind of file is not supported. Use Markdown, text, PDF or Word (.docx).")]
    [InlineData(400, """{"title":"One or more validation errors occurred.","errors":{"file":["The file is empty."]}}""", "The file is empty.")]
    [InlineData(400, """{"title":"Bad upload","detail":"Only one file at a time."}""", "Only one file at a time.")]
    public void Upload_problems_are_told_in_words(int status, string body, string expected) =>
        Assert.Equal(expected, DocumentsClient.ProblemText(body, status));

    [Fact]
    public void The_timing_bar_shows_the_stages_that_ran_in_order()
    {
        var stages = TimingStages.Of(new StageTimings(2, 40, 1, 5, 300, 1, 350)).ToList();

        Assert.Equal(["guardrails:3", "retrieval:40", "model:300"], stages.Select(s => $"{s.Key}:{s.Ms}"));
        Assert.Equal(["guardrails:2"], TimingStages.Of(new StageTimings(2, null, null, null, null, null, 3)).Select(s => $"{s.Key}:{s.Ms}"));
    }
}

public sealed class DocumentProgressTests
{
    [Theory]
    [InlineData("queued", 40, 0)]
    [InlineData("ingesting", 40, 40)]
    [InlineData("ingesting", 1, 1)]
    [InlineData("failed", 0, 0)]
    [InlineData("ingesting", 250, 100)]
    [InlineData("ready", 0, 100)]
    public void Ingestion_progress_is_a_percentage(string status, int progress, int expected) =>
        Assert.Equal(expected, DocumentProgress.Percent(new DocumentInfo("d", "D", "documents/d.md", null, null, status, progress, null, 0, DateTimeOffset.UtcNow)));
}
