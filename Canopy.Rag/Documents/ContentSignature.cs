using System.IO.Compression;

namespace Canopy.Rag.Documents;

/// <summary>
/// Whether an upload's content is what its name and declared type say: a .pdf starts like a PDF, a .docx is a zip archive
/// holding a Word document, Markdown and text are text. Cheap checks on the bytes, before anything is stored.
/// </summary>
public static class ContentSignature
{
    private static readonly Dictionary<string, string[]> DeclaredTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = ["text/*"],
        [".markdown"] = ["text/*"],
        [".txt"] = ["text/*"],
        [".pdf"] = ["application/pdf", "application/x-pdf"],
        [".docx"] = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", "application/x-zip-compressed", "application/msword"],
    };

    // What browsers and tools send when they do not know.
    private static readonly string[] Unknown = ["application/octet-stream", "binary/octet-stream", "application/unknown"];

    /// <summary>Why the declared type of the file part contradicts its extension, or null.</summary>
    public static string? DeclaredTypeMismatch(string extension, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var media = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (Unknown.Contains(media) || !DeclaredTypes.TryGetValue(extension, out var accepted)) return null;
        return accepted.Any(a => a.EndsWith("/*", StringComparison.Ordinal) ? media.StartsWith(a[..^1], StringComparison.Ordinal) : a == media)
            ? null
            : $"The file part is declared as '{media}', which is not a {extension} file.";
    }

    /// <summary>Why the content is not what the extension says, or null.</summary>
    public static string? ContentMismatch(string extension, byte[] content)
    {
        switch (extension.ToLowerInvariant())
        {
            case ".pdf":
                return content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0 ? null
                    : $"The file is not a PDF: it does not start with a %PDF- header{Looks(content)}.";
            case ".docx":
                return DocxMismatch(content);
            case ".md" or ".markdown" or ".txt":
                if (content.AsSpan().IndexOf((byte)0) >= 0 && !HasUtf16Bom(content)) return $"The file is not text: it contains binary data{Looks(content)}.";
                return HasUtf16Bom(content) || System.Text.Unicode.Utf8.IsValid(content) ? null : "The file is not text: it is not valid UTF-8.";
            default:
                return null;
        }
    }

    private static string? DocxMismatch(byte[] content)
    {
        if (content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return "The file is not a .docx: it is an old binary Word file or a password-protected document; save it as a Word document (.docx).";
        if (!content.AsSpan().StartsWith("PK\x03\x04"u8)) return $"The file is not a Word document: a .docx is a zip archive and this is not one{Looks(content)}.";
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return archive.GetEntry("word/document.xml") is null
                ? "The file is a zip archive but not a Word document: it has no word/document.xml."
                : null;
        }
        catch (InvalidDataException ex)
        {
            return $"The file is not a Word document: its zip archive is damaged ({ex.Message}).";
        }
    }

    private static bool HasUtf16Bom(byte[] content) =>
        content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>What the bytes look like instead, when they carry a well-known signature.</summary>
    private static string Looks(byte[] content)
    {
        var span = content.AsSpan();
        return span.StartsWith("%PDF-"u8) ? " (it looks like a PDF)"
            : span.StartsWith("PK\x03\x04"u8) ? " (it looks like a zip archive)"
            : span.StartsWith("MZ"u8) ? " (it looks like a Windows program)"
            : span.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]) ? " (it looks like a Linux program)"
            : span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? " (it looks like a PNG image)"
            : span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? " (it looks like a JPEG image)"
            : "";
    }
}
