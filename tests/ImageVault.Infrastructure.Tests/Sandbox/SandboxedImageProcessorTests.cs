using ImageVault.Contracts;
using ImageVault.Grains.Options;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Thumbnails;
using ImageVault.Infrastructure.Sandbox;
using ImageVault.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImageVault.Infrastructure.Tests.Sandbox;

/// <summary>
/// The worker pool against the real worker, and against stand-in executables that crash, hang or
/// swell, to prove each failure costs one job and the pool recovers.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class SandboxedImageProcessorTests
{
    private static readonly AnalysisRequest Request = new(50_000_000, ThumbnailSpec.Default, ThumbnailEncoding.Jpeg);

    private static SandboxedImageProcessor Pool(string? executable = null, int timeoutSeconds = 20, int memoryMiB = 1024) =>
        new(Microsoft.Extensions.Options.Options.Create(new ImageVaultLimits
        {
            Workers = 2, ProcessingTimeout = TimeSpan.FromSeconds(timeoutSeconds), WorkerMemoryMiB = memoryMiB,
        }), NullLogger<SandboxedImageProcessor>.Instance, executable);

    private static string Script(string body)
    {
        var path = Path.Combine(TempFolder.Create("iv-fake-worker"), "worker.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task The_real_worker_makes_thumbnails_and_is_reused()
    {
        using var pool = Pool();
        for (var i = 0; i < 3; i++)
        {
            var result = await pool.AnalyzeAsync(TestImages.UniqueJpeg(i, width: 800, height: 600), Request);
            Assert.Null(result.ErrorCode);
            Assert.Equal(2, result.Thumbnails.Count);
            Assert.All(result.Thumbnails, t => Assert.True(t.Bytes.Length > 100));
        }
    }

    [Fact]
    public async Task A_worker_that_dies_fails_only_its_job()
    {
        using var pool = Pool(Script("cat > /dev/null & exit 3"));
        var result = await pool.AnalyzeAsync(TestImages.Jpeg(), Request);
        Assert.Equal(ErrorCodes.ProcessingCrashed, result.ErrorCode);
        Assert.Equal(ErrorCodes.ProcessingCrashed, (await pool.AnalyzeAsync(TestImages.Jpeg(), Request)).ErrorCode); // a fresh worker each time
    }

    [Fact]
    public async Task A_worker_that_hangs_is_killed_at_the_time_budget()
    {
        using var pool = Pool(Script("exec sleep 60"), timeoutSeconds: 1);
        var started = DateTime.UtcNow;
        var result = await pool.AnalyzeAsync(TestImages.Jpeg(), Request);
        Assert.Equal(ErrorCodes.ProcessingTimeout, result.ErrorCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_worker_that_swells_is_killed_at_the_memory_budget()
    {
        // python3 replaces the shell (exec), so the watched process is the one that grows.
        using var pool = Pool(Script("exec python3 -c 'import time; x = bytearray(600 * 1024 * 1024); x[::4096] = b\"1\" * len(x[::4096]); time.sleep(60)'"), memoryMiB: 200);
        var result = await pool.AnalyzeAsync(TestImages.Jpeg(), Request);
        Assert.Equal(ErrorCodes.MemoryBudgetExceeded, result.ErrorCode);
    }

    [Fact]
    public void A_missing_worker_executable_fails_at_start() =>
        Assert.Throws<FileNotFoundException>(() => Pool("/nonexistent/worker"));
}
