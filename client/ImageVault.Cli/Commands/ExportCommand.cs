using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using ImageVault.Client;
using Spectre.Console;

namespace ImageVault.Cli.Commands;

/// <summary>
/// <c>imagevault export</c>: an album or a search result to a folder or a .zip, originals with a JSON
/// sidecar each. Names from the server are reduced to plain file names and checked to stay inside the
/// target folder, so no archive entry can write elsewhere (ZIP-slip).
/// </summary>
internal static class ExportCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create(GlobalOptions global, IAnsiConsole console)
    {
        var album = new Option<string?>("--album") { Description = "The album to export (id)" };
        var search = new Option<string?>("--search") { Description = "Export the images a search finds instead" };
        var output = new Option<string>("--out") { Description = "A folder, or a file ending in .zip", Required = true };
        var command = new Command("export", "Export an album or a search result with metadata sidecars") { album, search, output };
        command.SetAction(async (parse, ct) =>
        {
            var client = global.Client(parse);
            var target = parse.GetValue(output)!;
            var count = parse.GetValue(album) is { } albumId
                ? await ExportAlbumAsync(client, albumId, target, ct)
                : parse.GetValue(search) is { } text ? await ExportSearchAsync(client, text, target, ct) : -1;
            if (count < 0) { console.MarkupLine("[red]Name --album or --search.[/]"); return 1; }
            console.MarkupLine($"Exported [green]{count}[/] files to {Markup.Escape(target)}");
            return 0;
        });
        return command;
    }

    private static async Task<int> ExportAlbumAsync(ImageVaultClient client, string albumId, string target, CancellationToken ct)
    {
        await using var zip = await client.ExportAlbumAsync(albumId, ct);
        if (target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await using var file = File.Create(target);
            await zip.CopyToAsync(file, ct);
            await file.FlushAsync(ct);
            file.Position = 0;
            await using var check = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            return check.Entries.Count;
        }
        var buffer = new MemoryStream();
        await zip.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        await using var archive = new ZipArchive(buffer);
        Directory.CreateDirectory(target);
        foreach (var entry in archive.Entries)
        {
            var path = SafePath(target, entry.FullName);
            await using var source = entry.Open();
            await using var file = File.Create(path);
            await source.CopyToAsync(file, ct);
        }
        return archive.Entries.Count;
    }

    private static async Task<int> ExportSearchAsync(ImageVaultClient client, string text, string target, CancellationToken ct)
    {
        Directory.CreateDirectory(target);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        await foreach (var hit in client.SearchAsync(new SearchRequest { Text = text }, ct))
        {
            var image = await client.GetImageAsync(hit.Id, ct);
            var name = Unique(Path.GetFileName(image.FileName.Replace('\\', '/')), used);
            await using (var original = await client.OpenOriginalAsync(hit.Id, ct))
            await using (var file = File.Create(SafePath(target, name)))
                await original.CopyToAsync(file, ct);
            await File.WriteAllTextAsync(SafePath(target, Unique(name + ".json", used)), JsonSerializer.Serialize(image, Json), ct);
            count += 2;
        }
        return count;
    }

    /// <summary>The file name part only, and a path that provably stays inside <paramref name="folder"/>.</summary>
    internal static string SafePath(string folder, string name)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var path = Path.GetFullPath(Path.Combine(root, file is "" or "." or ".." ? "unnamed" : file));
        return path.StartsWith(root, StringComparison.Ordinal) ? path : throw new InvalidDataException($"'{name}' would leave the export folder");
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var (stem, ext) = (Path.GetFileNameWithoutExtension(name), Path.GetExtension(name));
        var candidate = name is "" ? "unnamed" : name;
        for (var i = 2; !used.Add(candidate); i++) candidate = $"{stem} ({i}){ext}";
        return candidate;
    }
}
