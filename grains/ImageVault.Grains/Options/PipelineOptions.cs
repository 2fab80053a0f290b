using System.ComponentModel.DataAnnotations;

namespace ImageVault.Grains.Options;

/// <summary>How the pipeline sweepers re-drive unfinished work (section <c>ImageVault:Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "ImageVault:Pipeline";

    /// <summary>How often each sweeper shard wakes up (an Orleans reminder).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an image may sit in an unfinished stage before a sweep re-drives it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")] public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(2);
}
