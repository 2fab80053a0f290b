using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ImageVault.Cli.Commands;

/// <summary>
/// What an import already finished, one JSON line per file, so an interrupted import resumes where it
/// stopped. Kept outside the photo folder (IMAGEVAULT_STATE or the user's local data folder), one
/// journal per folder and server. A file counts as done while its size and modification time are unchanged.
/// </summary>
internal sealed class ImportJournal
{
    private readonly string _path;
    private readonly Dictionary<string, Entry> _done = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public sealed record Entry(string Path, long Size, long Modified, string Outcome, string? Id, string? Error);

    public ImportJournal(string folder, Uri server)
    {
        var root = Environment.GetEnvironmentVariable("IMAGEVAULT_STATE")
                   ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "imagevault", "imports");
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{server}|{Path.GetFullPath(folder)}")))[..16];
        _path = Path.Combine(root, $"{name}.jsonl");
        Directory.CreateDirectory(root);
        if (!File.Exists(_path)) return;
        foreach (var line in File.ReadLines(_path))
            if (TryParse(line) is { } e) _done[e.Path] = e; // a torn last line (killed mid-write) is skipped
    }

    public string FilePath => _path;

    public bool IsDone(FileInfo file, string relative) =>
        _done.TryGetValue(relative, out var e) && e.Size == file.Length && e.Modified == file.LastWriteTimeUtc.Ticks;

    public void Record(FileInfo file, string relative, string outcome, string? id, string? error)
    {
        var entry = new Entry(relative, file.Length, file.LastWriteTimeUtc.Ticks, outcome, id, error);
        lock (_gate)
        {
            _done[relative] = entry;
            File.AppendAllText(_path, JsonSerializer.Serialize(entry) + "\n");
        }
    }

    private static Entry? TryParse(string line)
    {
        try { return JsonSerializer.Deserialize<Entry>(line); }
        catch (JsonException) { return null; }
    }
}
