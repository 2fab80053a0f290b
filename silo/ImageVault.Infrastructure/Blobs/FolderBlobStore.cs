using System.Runtime.CompilerServices;
using ImageVault.Grains.Ports;

namespace ImageVault.Infrastructure.Blobs;

/// <summary>
/// Blobs as files under one folder (embedded profile). Puts write a private temporary file,
/// flush it to disk and rename it into place, so a reader or a crash never sees half a blob.
/// </summary>
public sealed class FolderBlobStore : IBlobStore
{
    private readonly string _root;
    private readonly string _incoming;

    public FolderBlobStore(string root)
    {
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, ".incoming");
        Directory.CreateDirectory(_incoming);
    }

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        var path = PathOf(key);
        var temp = Path.Combine(_incoming, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, 81920, ct);
                file.Flush(flushToDisk: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temp, path, overwrite: true);
        }
        finally { File.Delete(temp); }
        return Info(key, new FileInfo(path));
    }

    public Task<BlobReadHandle?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous);
            return Task.FromResult<BlobReadHandle?>(new BlobReadHandle(Info(key, new FileInfo(path)), stream));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<BlobReadHandle?>(null);
        }
    }

    public Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default)
    {
        var file = new FileInfo(PathOf(key));
        return Task.FromResult(file.Exists ? Info(key, file) : null);
    }

    public Task MoveAsync(string fromKey, string toKey, CancellationToken ct = default)
    {
        var to = PathOf(toKey);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(PathOf(fromKey), to, overwrite: true);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        try { File.Delete(PathOf(key)); } // no error when the file is missing…
        catch (DirectoryNotFoundException) { } // …nor when its folder is
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var slash = prefix.LastIndexOf('/');
        var dir = slash < 0 ? _root : Path.Combine(_root, prefix[..slash]);
        if (!Directory.Exists(dir)) yield break;
        var keys = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k.StartsWith(".incoming/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            ct.ThrowIfCancellationRequested();
            var file = new FileInfo(Path.Combine(_root, key));
            if (file.Exists) yield return Info(key, file);
        }
        await Task.CompletedTask;
    }

    private string PathOf(string key)
    {
        if (!BlobKeys.IsValid(key)) throw new ArgumentException($"invalid blob key '{key}'", nameof(key));
        var path = Path.GetFullPath(Path.Combine(_root, key));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path : throw new ArgumentException($"blob key '{key}' escapes the store", nameof(key));
    }

    private static BlobInfo Info(string key, FileInfo file) =>
        new(key, file.Length, ContentTypeOf(key), file.LastWriteTimeUtc);

    private static string ContentTypeOf(string key) => Path.GetExtension(key) switch
    {
        ".jpg" => "image/jpeg",
        ".webp" => "image/webp",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
