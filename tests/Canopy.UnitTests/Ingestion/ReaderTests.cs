using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Readers;

namespace Canopy.UnitTests.Ingestion;

[Collection(MiniLmCollection.Name)]
public sealed class ReaderTests(MiniLmFixture model)
{
    [Fact]
    public void Pdf_text_is_extracted_page_by_page_with_the_document_title()
    {
        var pdf = TestFiles.Pdf("Soil Chemistry Handout", ["Cation exchange capacity measures soil fertility."], ["Clay holds more nutrients than sand."]);

        var extracted = new PdfReader().Read(pdf, "handout.pdf");

        Assert.Equal("Soil Chemistry Handout", extracted.Title);
        Assert.Contains("## Page 1\n\nCation exchange capacity measures soil fertility.", extracted.Body);
        Assert.Contains("## Page 2\n\nClay holds more nutrients than sand.", extracted.Body);
    }

    [Fact]
    public void Pdf_pages_become_sections_of_the_chunks()
    {
        var pdf = TestFiles.Pdf(null, ["First page text."], ["Second page text."]);
        var extracted = new PdfReader().Read(pdf, "week-2_notes.pdf");

        var chunks = new MarkdownChunker(model.Tokens, new ChunkingOptions()).Chunk(extracted.Title!, extracted.Body);

        Assert.Equal("week 2 notes", extracted.Title);
        Assert.Equal(["week 2 notes > Page 1", "week 2 notes > Page 2"], chunks.Select(c => c.HeadingPath));
    }

    [Fact]
    public void A_corrupt_pdf_is_refused_with_an_error()
    {
        var error = Record.Exception(() => new PdfReader().Read(TestFiles.CorruptPdf(), "broken.pdf"));
        Assert.NotNull(error);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Docx_headings_become_markdown_headings_and_the_title_comes_from_the_properties()
    {
        var docx = TestFiles.Docx("Chemistry Lab Handbook",
            ("Heading1", "Safety"), (null, "Goggles stay on in the lab."), ("Heading2", "Spills"), (null, "Report every spill to the technician."));

        var extracted = new DocxReader().Read(docx, "lab.docx");
        var chunks = new MarkdownChunker(model.Tokens, new ChunkingOptions()).Chunk(extracted.Title!, extracted.Body);

        Assert.Equal("Chemistry Lab Handbook", extracted.Title);
        Assert.Equal("# Safety\n\nGoggles stay on in the lab.\n\n## Spills\n\nReport every spill to the technician.\n\n", extracted.Body);
        Assert.Equal(["Chemistry Lab Handbook > Safety", "Chemistry Lab Handbook > Safety > Spills"], chunks.Select(c => c.HeadingPath));
    }

    [Fact]
    public void Docx_without_properties_takes_its_title_from_the_title_paragraph()
    {
        var docx = TestFiles.Docx(null, ("Title", "Field Trip Guide"), (null, "Bring boots."));
        var extracted = new DocxReader().Read(docx, "trip.docx");
        Assert.Equal(("Field Trip Guide", "Bring boots.\n\n"), (extracted.Title, extracted.Body));
    }

    [Fact]
    public void A_file_that_is_not_a_docx_is_refused() =>
        Assert.NotNull(Record.Exception(() => new DocxReader().Read("plain words"u8.ToArray(), "fake.docx")));

    [Fact]
    public void Plain_text_keeps_paragraphs_and_never_starts_a_heading()
    {
        var extracted = new PlainTextReader().Read("\uFEFF# not a heading\r\n\r\nSecond paragraph."u8.ToArray(), "read_me.txt");
        Assert.Equal(("read me", "\\# not a heading\n\nSecond paragraph."), (extracted.Title, extracted.Body));
    }

    [Theory]
    [InlineData("notes.MD", typeof(MarkdownFileReader))]
    [InlineData("a.markdown", typeof(MarkdownFileReader))]
    [InlineData("a.txt", typeof(PlainTextReader))]
    [InlineData("a.pdf", typeof(PdfReader))]
    [InlineData("a.docx", typeof(DocxReader))]
    [InlineData("a.doc", null)]
    [InlineData("a.exe", null)]
    public void Readers_are_chosen_by_extension(string file, Type? reader) =>
        Assert.Equal(reader, DocumentReaders.For(file)?.GetType());

    [Fact]
    public void Document_ids_keep_the_corpus_ids_and_separate_formats_in_the_documents_folder()
    {
        var corpus = new FolderSource("corpus", "/srv/corpus");
        var documents = new FolderSource("documents", "/srv/documents");

        Assert.Equal("lecture-notes-hash-tables", corpus.IdOf("/srv/corpus/lecture-notes-hash-tables.md"));
        Assert.Equal("week-1-notes-pdf", documents.IdOf("/srv/documents/Week 1/notes.pdf"));
        Assert.NotEqual(documents.IdOf("/srv/documents/notes.md"), documents.IdOf("/srv/documents/notes.pdf"));
        Assert.Equal("/srv/documents/Week 1/notes.pdf", documents.FileOf("documents/Week 1/notes.pdf"));
        Assert.Null(documents.FileOf("documents/../secrets.txt"));
        Assert.Null(documents.FileOf("corpus/x.md"));
    }
}
