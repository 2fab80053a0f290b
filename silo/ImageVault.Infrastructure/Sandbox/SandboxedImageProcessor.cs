using System.Collections.Concurrent;
using ImageVault.Contracts;
using ImageVault.Grains.Options;
using ImageVault.Grains.Ports;
using ImageVault.Imaging.Analysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImageVault.Infrastructure.Sandbox;

/// <summary>
/// Runs analysis in a pool of worker processes (DESIGN §4: parsing untrusted bytes must not be able
/// to take the silo down). A job that overruns its time or memory budget gets its worker killed;
/// a worker that dies fails only its own job; either way the slot starts a fresh worker next time.
/// </summary>
public sealed partial class SandboxedImageProcessor : IImageProcessor, IDisposable
{
    public const string WorkerExecutableName = "ImageVault.Imaging.Worker";
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);

    private readonly ImageVaultLimits _limits;
    private readonly string _executable;
    private readonly ILogger<SandboxedImageProcessor> _log;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<WorkerProcess> _idle = [];

    public SandboxedImageProcessor(IOptions<ImageVaultLimits> limits, ILogger<SandboxedImageProcessor> log, string? executable = null)
    {
        _limits = limits.Value;
        _log = log;
        _executable = executable ?? Path.Combine(AppContext.BaseDirectory, WorkerExecutableName);
        if (!File.Exists(_executable)) throw new FileNotFoundException("the imaging worker executable is missing", _executable);
        var workers = _limits.Workers > 0 ? _limits.Workers : Environment.ProcessorCount;
        _slots = new SemaphoreSlim(workers, workers);
    }

    public async Task<AnalysisResult> AnalyzeAsync(byte[] original, AnalysisRequest request, CancellationToken ct = default)
    {
        await _slots.WaitAsync(ct);
        WorkerProcess? worker = null;
        try
        {
            var current = worker = TakeWorker();
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
            budget.CancelAfter(_limits.ProcessingTimeout);
            var overMemory = false;
            var memoryLimit = (long)_limits.WorkerMemoryMiB << 20;
            await using var watch = new Timer(_ =>
            {
                if (current.ResidentBytes() <= memoryLimit) return;
                overMemory = true;
                current.Kill();
            }, null, WatchInterval, WatchInterval);

            try
            {
                var result = await worker.RunAsync(original, request, budget.Token);
                _idle.Add(worker);
                worker = null;
                return result;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or EndOfStreamException or InvalidDataException)
            {
                ct.ThrowIfCancellationRequested(); // the caller gave up: not the file's fault
                var (code, detail) = overMemory
                    ? (ErrorCodes.MemoryBudgetExceeded, $"the decoder exceeded its memory budget of {_limits.WorkerMemoryMiB} MiB")
                    : budget.IsCancellationRequested
                        ? (ErrorCodes.ProcessingTimeout, $"the decoder took longer than {_limits.ProcessingTimeout.TotalSeconds:0} s")
                        : (ErrorCodes.ProcessingCrashed, "the decoder process died on this file");
                LogJobFailed(current.Pid, code);
                return AnalysisResult.Failed(code, detail);
            }
        }
        finally
        {
            worker?.Dispose(); // a worker that failed a job is never reused
            _slots.Release();
        }
    }

    private WorkerProcess TakeWorker()
    {
        while (_idle.TryTake(out var idle))
        {
            if (!idle.HasExited) return idle;
            idle.Dispose();
        }
        var heapLimit = Math.Max(256L << 20, ((long)_limits.WorkerMemoryMiB << 20) * 3 / 4);
        return WorkerProcess.Start(_executable, heapLimit, _log);
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var worker)) worker.Dispose();
        _slots.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Imaging worker {Pid} failed a job with {Code}; it is replaced")]
    private partial void LogJobFailed(int pid, string code);
}
