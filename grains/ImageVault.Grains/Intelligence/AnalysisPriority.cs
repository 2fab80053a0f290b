namespace ImageVault.Grains.Intelligence;

/// <summary>
/// Keeps OCR behind ingest in one silo: ingest marks itself as foreground work while it runs; the text
/// step waits until no ingest has run for <see cref="QuietPeriod"/> (the short gaps between the images
/// of a burst do not count), at most <see cref="MaxWait"/> so text still advances under an endless
/// stream of uploads. OCR costs about seven embeddings: run beside a burst of uploads it would halve how
/// fast they become ready.
/// </summary>
public sealed class AnalysisPriority(TimeProvider clock)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20), QuietPeriod = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private int _foreground;
    private long _lastActivity;

    public IDisposable Foreground()
    {
        Interlocked.Increment(ref _foreground);
        Touch();
        return new Done(this);
    }

    public bool Busy => Volatile.Read(ref _foreground) > 0 || clock.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastActivity) < QuietPeriod.Ticks;

    public async Task WaitForQuietAsync(CancellationToken ct = default)
    {
        var until = clock.GetUtcNow() + MaxWait;
        while (Busy && clock.GetUtcNow() < until) await Task.Delay(Poll, clock, ct);
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, clock.GetUtcNow().UtcTicks);

    private sealed class Done(AnalysisPriority owner) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
            owner.Touch();
            Interlocked.Decrement(ref owner._foreground);
        }
    }
}
