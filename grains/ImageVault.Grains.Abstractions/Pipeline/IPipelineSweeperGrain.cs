namespace ImageVault.Grains.Abstractions.Pipeline;

/// <summary>
/// Remembers images with unfinished work (key <c>"{tenant}/{shard}"</c>) and, on its one reminder,
/// re-drives the ones that have waited too long. Images enter before their work is acknowledged and
/// leave when it is done, so a crash at any point leaves a trail to follow.
/// </summary>
[Alias("iv.IPipelineSweeperGrain")]
public interface IPipelineSweeperGrain : IGrainWithStringKey
{
    public const int Shards = 8;

    [Alias("Track")] Task TrackAsync(string imageId);
    [Alias("Untrack")] Task UntrackAsync(string imageId);

    /// <summary>
    /// Untracks an image whose grain found no state, but only when it was tracked longer ago than
    /// <paramref name="grace"/>: a registration tracks first and writes second, so a fresh entry may
    /// belong to a write still in flight on another silo. Returns whether it was untracked.
    /// </summary>
    [Alias("UntrackMissing")] Task<bool> UntrackMissingAsync(string imageId, TimeSpan grace);
    [Alias("Pending")] Task<IReadOnlyList<string>> PendingAsync();

    /// <summary>Re-drives every tracked image older than <paramref name="olderThan"/>; returns how many.</summary>
    [Alias("Sweep")] Task<int> SweepAsync(TimeSpan olderThan);

    /// <summary>Makes sure the reminder exists (called once at silo start).</summary>
    [Alias("Start")] Task StartAsync();

    /// <summary>The keys of every sweeper shard of a tenant.</summary>
    public static IEnumerable<string> ShardKeys(string tenant) => Enumerable.Range(0, Shards).Select(s => $"{tenant}/{s}");

    public static string KeyFor(string tenant, string imageId) =>
        $"{tenant}/{(uint)StableHash(imageId) % Shards}";

    private static int StableHash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}
