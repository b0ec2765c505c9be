using System.Text;

namespace Canopy.Rag.Documents;

/// <summary>
/// The name an upload is stored under is the name it was sent with, or the upload is refused with the reason: a file name is
/// never a path, never hidden, never a device, never holds a character some file system reads as syntax, and fits every file system.
/// </summary>
public static class UploadFileName
{
    /// <summary>Characters of a name; ids and titles derive from it, and 255 bytes is the common file-system limit.</summary>
    public const int MaxLength = 200;

    private const int MaxBytes = 255;

    // Device names on Windows whatever the extension; a copy of the documents folder must stay usable everywhere.
    private static readonly HashSet<string> ReservedStems = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private const string Forbidden = "<>:\"|?*";

    /// <summary>The name to store (NFC), or why it is refused.</summary>
    public static (string? Name, string? Error) Validate(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return (null, "The file has no name.");
        if (fileName.Any(char.IsControl)) return (null, "The file name contains control characters (such as NUL).");
        if (!IsWellFormed(fileName)) return (null, "The file name is not valid Unicode.");
        if (fileName.Contains('/') || fileName.Contains('\\') || fileName == ".." || fileName.StartsWith("..", StringComparison.Ordinal))
            return (null, $"The file name '{Shown(fileName)}' is a path; send the file name only, without folders or '..'.");
        if (fileName.Length >= 2 && char.IsAsciiLetter(fileName[0]) && fileName[1] == ':')
            return (null, $"The file name '{Shown(fileName)}' is an absolute path; send the file name only.");
        if (fileName.IndexOfAny(Forbidden.ToCharArray()) >= 0)
            return (null, $"The file name '{Shown(fileName)}' contains one of {Forbidden}, which some file systems do not allow.");
        var name = fileName.Normalize(NormalizationForm.FormC);
        if (name.Length > MaxLength || Encoding.UTF8.GetByteCount(name) > MaxBytes)
            return (null, $"The file name is too long ({name.Length} characters); at most {MaxLength} are allowed.");
        if (name.StartsWith('.')) return (null, $"The file name '{Shown(name)}' starts with a dot (a hidden file).");
        if (name.EndsWith('.') || name.EndsWith(' ') || name.StartsWith(' '))
            return (null, $"The file name '{Shown(name)}' starts or ends with a space or a dot.");
        if (ReservedStems.Contains(name.Split('.')[0].TrimEnd()))
            return (null, $"The file name '{Shown(name)}' is a reserved device name.");
        return (name, null);
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    // Echoed names are cut short so a huge name does not make a huge answer.
    private static string Shown(string name) => name.Length > 80 ? name[..80] + "…" : name;
}
