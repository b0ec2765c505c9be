using Canopy.Rag.Ingestion;

namespace Canopy.UnitTests.Rag;

[Collection(MiniLmCollection.Name)]
public sealed class ChunkingTests(MiniLmFixture model)
{
    private MarkdownChunker Chunker(int max = 64, int overlap = 16) => new(model.Tokens, new ChunkingOptions { MaxTokens = max, OverlapTokens = overlap });

    [Fact]
    public void Token_counter_splits_words_into_word_pieces_like_bert()
    {
        Assert.Equal(1, model.Tokens.Count("forest"));
        Assert.Equal(3, model.Tokens.Count("Hello, world"));
        Assert.True(model.Tokens.Count("entanglement") >= 1);
        Assert.True(model.Tokens.Count("Quasicrystallographically") > 2, "rare words become several word-pieces");
    }

    [Fact]
    public void Chunks_carry_the_heading_path_of_their_section()
    {
        var markdown = "# Notes\n\nIntro paragraph.\n\n## Bell states\n\nThe four Bell states.\n\n### Singlet\n\nThe singlet has total spin zero.\n\n## CHSH\n\nThe bound is two.";
        var chunks = Chunker().Chunk("Quantum notes", markdown);

        Assert.Equal(
            ["Quantum notes > Notes", "Quantum notes > Notes > Bell states", "Quantum notes > Notes > Bell states > Singlet", "Quantum notes > Notes > CHSH"],
            chunks.Select(c => c.HeadingPath));
        Assert.Equal("The singlet has total spin zero.", chunks[2].Text);
        Assert.Equal([0, 1, 2, 3], chunks.Select(c => c.Ordinal));
    }

    [Fact]
    public void Long_sections_are_split_within_the_token_budget_with_overlap()
    {
        var sentences = Enumerable.Range(1, 40).Select(i => $"Sentence number {i} talks about canopy light interception.");
        var markdown = "## Light\n\n" + string.Join(" ", sentences);
        var chunker = Chunker(max: 64, overlap: 16);

        var chunks = chunker.Chunk("Forest", markdown);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.True(model.Tokens.Count(c.EmbeddingText) <= 64 + 2, $"chunk of {model.Tokens.Count(c.EmbeddingText)} tokens"));
        var lastSentenceOfFirst = chunks[0].Text.Split("\n\n").Last();
        Assert.StartsWith(lastSentenceOfFirst, chunks[1].Text);
        Assert.Contains("Sentence number 40", chunks[^1].Text);
    }

    [Fact]
    public void Headings_inside_code_fences_do_not_start_sections()
    {
        var markdown = "## Code\n\n```\n# not a heading\nprint(1)\n```\n\nAfter the code.";
        var chunks = Chunker(max: 256).Chunk("Doc", markdown);

        var chunk = Assert.Single(chunks);
        Assert.Equal("Doc > Code", chunk.HeadingPath);
        Assert.Contains("# not a heading", chunk.Text);
    }

    [Fact]
    public void Front_matter_gives_title_course_and_kind_and_the_hash_depends_on_content()
    {
        const string content = "---\ntitle: PHYS-214 Syllabus\nkind: syllabus\ncourse: PHYS-214\n---\n# PHYS-214 Syllabus\n\nBody.";
        var document = MarkdownDocumentReader.Read("syllabus", "corpus/syllabus.md", content, "v1");
        var edited = MarkdownDocumentReader.Read("syllabus", "corpus/syllabus.md", content + " More.", "v1");
        var otherSalt = MarkdownDocumentReader.Read("syllabus", "corpus/syllabus.md", content, "v2");

        Assert.Equal(("PHYS-214 Syllabus", "PHYS-214", "syllabus"), (document.Title, document.Course, document.Kind));
        Assert.DoesNotContain("kind:", document.Body);
        Assert.NotEqual(document.ContentHash, edited.ContentHash);
        Assert.NotEqual(document.ContentHash, otherSalt.ContentHash);
        Assert.Equal("notes-week-1-bell-states", MarkdownDocumentReader.IdFromPath("Notes/Week 1 (Bell states).md"));
    }
}
