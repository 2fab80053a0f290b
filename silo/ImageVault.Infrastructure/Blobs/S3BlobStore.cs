using System.Runtime.CompilerServices;
using ImageVault.Grains.Ports;
using ImageVault.Grains.Upload;
using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace ImageVault.Infrastructure.Blobs;

/// <summary>
/// Blobs in one S3 bucket through the Minio client (MinIO, Ceph RGW, any S3). Writes stream as
/// multipart uploads and are checked by size afterwards; reads go through presigned URLs fetched with
/// <see cref="HttpClient"/>, seekable for HTTP ranges (Minio 7.0.0's own ranged GET is broken).
/// Server errors surface as <see cref="BlobStoreException"/>.
/// </summary>
public sealed class S3BlobStore : IBlobStore, IDisposable
{
    private readonly IMinioClient _client;
    private readonly S3Options _options;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };
    private readonly Lazy<Task> _bucketReady;

    public S3BlobStore(S3Options options)
    {
        _options = options;
        var endpoint = new Uri(options.Endpoint);
        _client = new MinioClient().WithEndpoint(endpoint.Host, endpoint.Port).WithCredentials(options.AccessKey, options.SecretKey)
            .WithSSL(endpoint.Scheme == Uri.UriSchemeHttps).WithRegion(options.Region).Build();
        _bucketReady = new Lazy<Task>(EnsureBucketAsync);
    }

    public async Task<BlobInfo> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        Check(key);
        await _bucketReady.Value;
        using var counted = new HashingLimitStream(content, long.MaxValue);
        await Call(() => _client.PutObjectAsync(new PutObjectArgs().WithBucket(_options.Bucket).WithObject(key)
            .WithStreamData(counted).WithObjectSize(-1).WithContentType(contentType), ct));
        var stored = await StatAsync(key, ct) ?? throw new BlobStoreException($"'{key}' is missing right after it was written");
        if (stored.Length != counted.BytesRead)
        {
            await DeleteAsync(key, CancellationToken.None);
            throw new BlobStoreException($"'{key}' was stored with {stored.Length} bytes, {counted.BytesRead} were sent");
        }
        return stored;
    }

    public async Task<BlobReadHandle?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var info = await StatAsync(key, ct);
        if (info is null) return null;
        var stream = new RangedHttpReadStream(_http, () => PresignedGetAsync(key), info.Length);
        return new BlobReadHandle(info, stream);
    }

    public async Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default)
    {
        Check(key);
        await _bucketReady.Value;
        try
        {
            var stat = await _client.StatObjectAsync(new StatObjectArgs().WithBucket(_options.Bucket).WithObject(key), ct);
            return new BlobInfo(key, stat.Size, stat.ContentType ?? "application/octet-stream", new DateTimeOffset(stat.LastModified, TimeSpan.Zero));
        }
        catch (ObjectNotFoundException) { return null; }
        catch (Exception e) when (e is MinioException or HttpRequestException) { throw new BlobStoreException($"stat of '{key}' failed: {e.Message}", e); }
    }

    public async Task MoveAsync(string fromKey, string toKey, CancellationToken ct = default)
    {
        Check(fromKey);
        Check(toKey);
        await _bucketReady.Value;
        // S3 has no rename: copy server-side, then remove the source.
        await Call(() => _client.CopyObjectAsync(new CopyObjectArgs().WithBucket(_options.Bucket).WithObject(toKey)
            .WithCopyObjectSource(new CopySourceObjectArgs().WithBucket(_options.Bucket).WithObject(fromKey)), ct));
        await DeleteAsync(fromKey, ct);
    }

    public async Task DeleteAsync(string key, CancellationToken ct = default)
    {
        Check(key);
        await _bucketReady.Value;
        await Call(() => _client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(_options.Bucket).WithObject(key), ct));
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await _bucketReady.Value;
        var args = new ListObjectsArgs().WithBucket(_options.Bucket).WithPrefix(prefix).WithRecursive(true);
        await foreach (var item in _client.ListObjectsEnumAsync(args, ct))
            if (!item.IsDir) yield return new BlobInfo(item.Key, (long)item.Size, "application/octet-stream", item.LastModifiedDateTime ?? DateTime.UnixEpoch);
    }

    private Task<string> PresignedGetAsync(string key) =>
        _client.PresignedGetObjectAsync(new PresignedGetObjectArgs().WithBucket(_options.Bucket).WithObject(key)
            .WithExpiry((int)_options.PresignedUrlLifetime.TotalSeconds));

    private async Task EnsureBucketAsync()
    {
        var exists = await Call(() => _client.BucketExistsAsync(new BucketExistsArgs().WithBucket(_options.Bucket)));
        if (!exists) await Call(() => _client.MakeBucketAsync(new MakeBucketArgs().WithBucket(_options.Bucket)));
    }

    private static async Task Call(Func<Task> operation) => await Call(async () => { await operation(); return 0; });

    private static async Task<T> Call<T>(Func<Task<T>> operation)
    {
        try { return await operation(); }
        // Minio 7.0.0 throws ArgumentNullException for some error responses with an empty message.
        catch (Exception e) when (e is MinioException or HttpRequestException or ArgumentNullException)
        {
            throw new BlobStoreException($"object store call failed: {e.Message}", e);
        }
    }

    private static void Check(string key)
    {
        if (!BlobKeys.IsValid(key)) throw new ArgumentException($"invalid blob key '{key}'", nameof(key));
    }

    public void Dispose()
    {
        _http.Dispose();
        _client.Dispose();
    }
}

/// <summary>The object store failed or refused an operation (not: the object does not exist).</summary>
public sealed class BlobStoreException(string message, Exception? inner = null) : IOException(message, inner);
