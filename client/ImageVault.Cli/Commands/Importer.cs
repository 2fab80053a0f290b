using System.Collections.Concurrent;
using System.Security.Cryptography;
using ImageVault.Client;
using ImageVault.Contracts;

namespace ImageVault.Cli.Commands;

/// <summary>What the importer tells whoever shows progress.</summary>
internal interface IImportProgress
{
    void Start(int files, long bytes);
    void Advance(int files, long bytes, string? current);
}

/// <summary>The outcome of an import: counts per outcome and every refused file with its reason.</summary>
internal sealed record ImportReport(int Created, int Duplicates, int AlreadyThere, int Resumed, IReadOnlyList<(string File, string Reason)> Refused);

/// <summary>
/// Recursive bulk import: skips what an earlier run finished (journal) and what the server already has
/// (SHA-256 looked up before uploading), uploads the rest in parallel through the SDK (idempotent,
/// retried), records every outcome as it happens, and can put everything into an album.
/// </summary>
internal sealed class Importer(ImageVaultClient client, int parallel, string? albumId)
{
    private const int LookupBatch = 200;

    public async Task<ImportReport> RunAsync(DirectoryInfo folder, ImportJournal journal, IImportProgress progress, CancellationToken ct)
    {
        var files = folder.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.FullName, StringComparer.Ordinal).ToList();
        string Rel(FileInfo f) => Path.GetRelativePath(folder.FullName, f.FullName);
        var pending = files.Where(f => !journal.IsDone(f, Rel(f))).ToList();
        var resumed = files.Count - pending.Count;
        progress.Start(pending.Count, pending.Sum(f => f.Length));

        var (created, duplicates, present) = (0, 0, 0);
        var refused = new ConcurrentBag<(string, string)>();
        var ids = new ConcurrentBag<string>();
        foreach (var batch in pending.Chunk(LookupBatch))
        {
            var hashes = await HashAllAsync(batch, ct);
            var found = await client.LookupHashesAsync(hashes.Values.Distinct().ToList(), ct);
            var toUpload = new List<FileInfo>();
            foreach (var file in batch)
            {
                if (!found.TryGetValue(hashes[file], out var id)) { toUpload.Add(file); continue; }
                journal.Record(file, Rel(file), "present", id, null);
                ids.Add(id);
                Interlocked.Increment(ref present);
                progress.Advance(1, file.Length, null);
            }
            await Parallel.ForEachAsync(toUpload, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (file, token) =>
            {
                long reported = 0;
                var sent = new InlineProgress(bytes => { progress.Advance(0, bytes - reported, Rel(file)); reported = bytes; });
                UploadItemDto item;
                try { item = (await client.UploadFileAsync(file.FullName, sent, token)).Items[0]; }
                catch (ImageVaultApiException e) when (e is not ImageVaultUnauthorizedException && e.Code != "auth.forbidden")
                {
                    // A refusal of this file (format, size, quota): recorded with its reason; the import goes on.
                    item = new UploadItemDto(file.Name, "refused", null, e.Code, e.Detail, null);
                }
                progress.Advance(1, file.Length - reported, null);
                journal.Record(file, Rel(file), item.Outcome, item.Id, item.ErrorCode);
                if (item.Id is { } id) ids.Add(id);
                if (item.Outcome == "created") Interlocked.Increment(ref created);
                else if (item.Outcome == "duplicate") Interlocked.Increment(ref duplicates);
                else refused.Add((Rel(file), $"{item.ErrorCode}: {item.ErrorDetail}"));
            });
        }
        if (albumId is not null)
            foreach (var chunk in ids.Distinct().Chunk(1000)) await client.ChangeAlbumImagesAsync(albumId, chunk, null, ct);
        return new ImportReport(created, duplicates, present, resumed, refused.OrderBy(r => r.Item1, StringComparer.Ordinal).ToList());
    }

    private async Task<Dictionary<FileInfo, string>> HashAllAsync(IReadOnlyList<FileInfo> files, CancellationToken ct)
    {
        var hashes = new ConcurrentDictionary<FileInfo, string>();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct }, async (file, token) =>
        {
            await using var stream = file.OpenRead();
            hashes[file] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, token));
        });
        return new Dictionary<FileInfo, string>(hashes);
    }

    /// <summary>Reports on the uploading thread, so byte counts arrive in order.</summary>
    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
