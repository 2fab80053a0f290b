using System.IO.Compression;
using System.Text;

namespace ImageVault.Grains.Upload;

/// <summary>
/// The rules for ZIP files going in and out. Entry names from an archive are only ever used as file
/// names (last segment, sanitised): nothing is written to a path built from them, so "../" entries
/// cannot slip anywhere. Exported entries get clean, unique, relative names. Bombs are bounded by entry
/// count, per-entry size and compression ratio.
/// </summary>
public static class ZipArchives
{
    public const int MaxEntries = 10_000;
    public const int MaxCompressionRatio = 100;

    /// <summary>Directories and empty entries are passed over silently.</summary>
    public static bool IsFile(ZipArchiveEntry entry) => !entry.FullName.EndsWith('/') && entry.Length > 0;

    /// <summary>Why a file entry is refused on import, or null to import it.</summary>
    public static string? Refusal(ZipArchiveEntry entry, long maxBytes)
    {
        if (entry.Length > maxBytes) return $"larger than {maxBytes} bytes";
        if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxCompressionRatio) return "compressed too well to be an image (a zip bomb?)";
        return null;
    }

    /// <summary>A relative, unique entry name for an exported file: its sanitised name, numbered on clashes.</summary>
    public static string ExportName(string fileName, ISet<string> used)
    {
        var clean = ImageUploadService.SafeFileName(fileName);
        var safe = new StringBuilder(clean.Length);
        foreach (var c in clean) safe.Append(char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c);
        var name = safe.ToString().Trim().TrimStart('.') is { Length: > 0 } n ? n : "unnamed";
        var (stem, extension) = (Path.GetFileNameWithoutExtension(name), Path.GetExtension(name));
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++) candidate = $"{stem} ({i}){extension}";
        return candidate;
    }
}
