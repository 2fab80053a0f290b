using ImageVault.Imaging.Analysis;
using ImageVault.Imaging.Sandbox;

// The sandboxed imaging worker: reads analysis requests on stdin, answers on stdout, one at a time.
// It exists so that a parser fault on hostile input (stack overflow, native crash, runaway memory)
// kills only this process; the silo's worker pool restarts it and fails that one job.
// Nothing else may write to stdout: it carries the protocol. Diagnostics go to stderr.

NetVips.NetVips.BlockUntrusted = true; // no loaders libvips marks as unsafe for untrusted input
NetVips.Cache.Max = 0;                 // one job at a time: caching only holds memory
NetVips.NetVips.Concurrency = int.TryParse(Environment.GetEnvironmentVariable("IMAGEVAULT_VIPS_THREADS"), out var t) ? t : 1;

var maxInputBytes = long.TryParse(Environment.GetEnvironmentVariable("IMAGEVAULT_MAX_INPUT_BYTES"), out var m) ? m : 512L << 20;
using var stdin = Console.OpenStandardInput();
using var stdout = Console.OpenStandardOutput();

while (await FrameProtocol.ReadAsync<AnalysisRequest>(stdin, maxInputBytes, CancellationToken.None) is { } frame)
{
    var result = frame.Blobs.Length == 1
        ? ImageAnalyzer.Analyze(frame.Blobs[0], frame.Message)
        : AnalysisResult.Failed(ImageVault.Contracts.ErrorCodes.ProcessingFailed, "expected exactly one input blob");
    await FrameProtocol.WriteAsync(stdout, result, result.Thumbnails.Select(x => x.Bytes).Concat(result.Rasters.Select(r => r.Pixels)).ToArray(), CancellationToken.None);
}
