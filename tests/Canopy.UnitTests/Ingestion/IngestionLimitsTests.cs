using System.Buffers.Binary;
using System.Text;
using Canopy.Rag.Ingestion;
using Canopy.Rag.Ingestion.Limits;
using Canopy.Rag.Ingestion.Readers;

namespace Canopy.UnitTests.Ingestion;

/// <summary>The per-document limits on real files: zip bombs (honest and lying), entry counts, PDF pages, extracted text, time.</summary>
public sealed class IngestionLimitsTests
{
    private static ExtractionBudget Budget(Action<IngestionLimits>? change = null, CancellationToken cancellationToken = default)
    {
        var limits = new IngestionLimits();
        change?.Invoke(limits);
        return new ExtractionBudget(limits, cancellationToken);
    }

    [Fact]
    public void A_docx_zip_bomb_is_refused_before_any_xml_is_parsed()
    {
        var bomb = TestFiles.ZipBombDocx(100L * 1024 * 1024);

        var error = Assert.Throws<DocumentLimitException>(() => new DocxReader().Read(bomb, "bomb.docx", Budget()));

        Assert.True(bomb.Length * 100L < 100L * 1024 * 1024, $"the bomb inflates more than 100 times ({bomb.Length} bytes)");
        Assert.Contains("MaxDecompressedBytes", error.Message);
    }

    [Fact]
    public void An_entry_compressed_beyond_the_ratio_is_refused_even_within_the_size_limit()
    {
        var archive = TestFiles.Zip(("word/document.xml", new byte[4 * 1024 * 1024]));

        var error = Assert.Throws<DocumentLimitException>(() => ArchiveGuard.Check(archive, Budget()));

        Assert.Contains("'word/document.xml' is compressed more than 100:1", error.Message);
    }

    [Fact]
    public void An_archive_whose_headers_understate_its_sizes_cannot_inflate_past_them()
    {
        var archive = Understate(TestFiles.Zip(("word/document.xml", Encoding.UTF8.GetBytes(new string('x', 8 * 1024 * 1024)))), declared: 1000);

        // The guard counts what really inflates; the zip reader stops an entry at its declared size, so 8 MB never come out.
        ArchiveGuard.Check(archive, Budget(l => l.MaxDecompressedBytes = 2 * 1024 * 1024));
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(archive));
        using var entry = zip.Entries.Single().Open();
        var inflated = new MemoryStream();
        entry.CopyTo(inflated);
        Assert.Equal(1000, inflated.Length);
    }

    [Fact]
    public void An_archive_with_too_many_entries_is_refused() =>
        Assert.Contains("archive entries", Assert.Throws<DocumentLimitException>(() => ArchiveGuard.Check(
            TestFiles.Zip([.. Enumerable.Range(0, 20).Select(i => ($"part{i}.xml", "<x/>"u8.ToArray()))]), Budget(l => l.MaxArchiveEntries = 10))).Message);

    [Fact]
    public void A_pdf_over_the_page_limit_is_refused_from_its_page_count()
    {
        var pdf = TestFiles.Pdf("Long", [.. Enumerable.Range(1, 6).Select(p => new[] { $"Page {p}" })]);

        var error = Assert.Throws<DocumentLimitException>(() => new PdfReader().Read(pdf, "long.pdf", Budget(l => l.MaxPdfPages = 5)));

        Assert.Contains("6 pages; at most 5", error.Message);
    }

    [Theory]
    [InlineData("notes.md")]
    [InlineData("notes.txt")]
    [InlineData("notes.pdf")]
    [InlineData("notes.docx")]
    public void Text_beyond_the_extraction_limit_is_refused_in_every_format(string file)
    {
        var words = Enumerable.Range(0, 40).Select(i => $"Sentence {i} about forests and their canopy layers.").ToArray();
        var content = Path.GetExtension(file) switch
        {
            ".pdf" => TestFiles.Pdf(null, words),
            ".docx" => TestFiles.Docx(null, [.. words.Select(w => ((string?)null, w))]),
            _ => Encoding.UTF8.GetBytes(string.Join("\n\n", words)),
        };

        var error = Assert.Throws<DocumentLimitException>(() => DocumentReaders.For(file)!.Read(content, file, Budget(l => l.MaxExtractedCharacters = 1_000)));

        Assert.Contains("MaxExtractedCharacters", error.Message);
    }

    [Theory]
    [InlineData("notes.pdf")]
    [InlineData("notes.docx")]
    public void A_reader_stops_when_its_document_is_out_of_time(string file)
    {
        var content = file.EndsWith(".pdf") ? TestFiles.Pdf(null, ["Page one."]) : TestFiles.Docx(null, (null, "Paragraph one."));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DocumentReaders.For(file)!.Read(content, file, Budget(cancellationToken: cancelled.Token)));
    }

    [Fact]
    public async Task A_document_budget_stops_at_its_deadline_and_says_so()
    {
        using var budget = new DocumentBudget(new IngestionLimits { DocumentTimeoutSeconds = 1 }, CancellationToken.None);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(Timeout.Infinite, budget.Token).WaitAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(BudgetStop.Timeout, budget.Reason);
        Assert.Contains("DocumentTimeoutSeconds", budget.Failure!.Message);
    }

    [Fact]
    public void A_stop_that_is_not_the_document_s_fault_is_not_a_failure()
    {
        using var budget = new DocumentBudget(new IngestionLimits(), CancellationToken.None);
        budget.Stop(BudgetStop.Deleted);
        budget.Stop(BudgetStop.Timeout);

        Assert.True(budget.Token.IsCancellationRequested);
        Assert.Equal(BudgetStop.Deleted, budget.Reason);
        Assert.Null(budget.Failure);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var folder = new FolderSource("documents", "/srv/documents");
        var error = Assert.Throws<DocumentLimitException>(() =>
            DocumentFiles.Read(folder, "/srv/documents/big.pdf", new byte[2048], Budget(l => l.MaxFileBytes = 1024)));
        Assert.Contains("MaxFileBytes", error.Message);
    }

    /// <summary>Rewrites the uncompressed size of every entry, in the local headers and the central directory, to <paramref name="declared"/>.</summary>
    private static byte[] Understate(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
            if (signature == 0x04034b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declared);
            else if (signature == 0x02014b50) BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declared);
        }
        return bytes;
    }
}
