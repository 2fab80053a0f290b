using System.Diagnostics;
using System.Security.Cryptography;
using ImageVault.Imaging.Formats;
using ImageVault.Imaging.Metadata;
using ImageVault.Imaging.Thumbnails;

namespace ImageVault.Bench;

/// <summary>Cost of each ingest stage, in process on one thread: hash, header probe, metadata, thumbnails + placeholder.</summary>
internal static class StageBench
{
    public static void Run(string[] files)
    {
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;
        var bytes = files.Select(File.ReadAllBytes).ToArray();
        ThumbnailMaker.MakeFromOriginal(bytes[0], ThumbnailSpec.Default, ThumbnailEncoding.Jpeg); // warm-up
        var stages = new (string Name, Action<byte[]> Work)[]
        {
            ("sha256", b => SHA256.HashData(b)),
            ("header probe", b => HeaderProbe.Probe(new MemoryStream(b))),
            ("metadata", b => MetadataReader.Read(new MemoryStream(b))),
            ("thumbnails 1440+256 + blurhash (JPEG q80)", b => ThumbnailMaker.MakeFromOriginal(b, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg)),
            ("thumbnails 1440+256 + blurhash (WebP)", b => ThumbnailMaker.MakeFromOriginal(b, ThumbnailSpec.Default, ThumbnailEncoding.WebP)),
        };
        Console.WriteLine("\n== stages (one thread, in process) ==");
        foreach (var (name, work) in stages)
        {
            var watch = Stopwatch.StartNew();
            foreach (var b in bytes) work(b);
            Console.WriteLine($"{name,-45} {watch.Elapsed.TotalMilliseconds / bytes.Length,8:F2} ms/image");
        }
    }
}
