using System.Diagnostics;
using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Sandbox;
using Microsoft.Extensions.Logging;

namespace ImageVault.Infrastructure.Sandbox;

/// <summary>One sandboxed imaging worker process and its pipes. Used by one job at a time.</summary>
internal sealed partial class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ILogger _log;

    private WorkerProcess(Process process, ILogger log)
    {
        (_process, _log) = (process, log);
        _ = DrainStderrAsync();
    }

    public bool HasExited => _process.HasExited;
    public int Pid => _process.Id;

    public static WorkerProcess Start(string executable, long gcHeapLimitBytes, ILogger log)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // Managed allocations fail inside the budget; libvips' arenas stay small (DESIGN §8).
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + gcHeapLimitBytes.ToString("X");
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["MALLOC_ARENA_MAX"] = "1";
        start.Environment["DOTNET_TieredCompilation"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        return new WorkerProcess(process, log);
    }

    public async Task<AnalysisResult> RunAsync(byte[] original, AnalysisRequest request, CancellationToken ct)
    {
        await FrameProtocol.WriteAsync(_process.StandardInput.BaseStream, request, [original], ct);
        var frame = await FrameProtocol.ReadAsync<AnalysisResult>(_process.StandardOutput.BaseStream, 256L << 20, ct)
                    ?? throw new EndOfStreamException("worker closed its output");
        // Blobs come in order: thumbnails, then rasters.
        var (message, blobs) = (frame.Message, frame.Blobs);
        if (blobs.Length != message.Thumbnails.Count + message.Rasters.Count) throw new InvalidDataException("worker sent a mismatched frame");
        var thumbs = message.Thumbnails.Zip(blobs, (t, bytes) => t with { Bytes = bytes }).ToArray();
        var rasters = message.Rasters.Zip(blobs.Skip(thumbs.Length), (r, bytes) => r with { Pixels = bytes }).ToArray();
        return message with { Thumbnails = thumbs, Rasters = rasters };
    }

    public long ResidentBytes()
    {
        try { _process.Refresh(); return _process.HasExited ? 0 : _process.WorkingSet64; }
        catch (InvalidOperationException) { return 0; }
    }

    public void Kill()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }

    private async Task DrainStderrAsync()
    {
        try
        {
            while (await _process.StandardError.ReadLineAsync() is { } line)
                if (line.Length > 0) LogWorkerSaid(_process.Id, line.Length > 500 ? line[..500] : line);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException) { }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Imaging worker {Pid}: {Line}")]
    private partial void LogWorkerSaid(int pid, string line);
}
