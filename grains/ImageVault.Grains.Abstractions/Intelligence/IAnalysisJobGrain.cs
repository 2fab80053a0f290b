namespace ImageVault.Grains.Abstractions.Intelligence;

/// <summary>
/// Re-analysis of a whole tenant (key: the tenant), after a model change or on an operator's request.
/// It walks the tenant's images in id order from a persisted cursor, so a crash resumes where it stopped.
/// </summary>
[Alias("iv.IAnalysisJobGrain")]
public interface IAnalysisJobGrain : IGrainWithStringKey
{
    /// <summary>Starts a job over the tenant's images (a running one restarts from the beginning). With
    /// <paramref name="force"/> every image is analysed again; without, only those not current.</summary>
    [Alias("Start")] Task<AnalysisJobState> StartAsync(string reason, bool force);

    /// <summary>Starts a job if the tenant was last analysed with a model other than <paramref name="model"/>.</summary>
    [Alias("EnsureModel")] Task EnsureModelAsync(string model);

    [Alias("Get")] Task<AnalysisJobState> GetAsync();
}

[GenerateSerializer, Alias("iv.AnalysisJobState")]
public sealed class AnalysisJobState
{
    [Id(0)] public string? JobId { get; set; }
    [Id(1)] public string? Reason { get; set; }
    [Id(2)] public string? Model { get; set; }
    [Id(3)] public DateTimeOffset? StartedAt { get; set; }
    [Id(4)] public DateTimeOffset? FinishedDispatchAt { get; set; }
    /// <summary>The last image id handed out; the walk resumes after it.</summary>
    [Id(5)] public string? Cursor { get; set; }
    [Id(6)] public long Dispatched { get; set; }
    [Id(7)] public bool Running { get; set; }
    /// <summary>The model every image of the tenant was last sent to analysis with.</summary>
    [Id(8)] public string? CompletedModel { get; set; }
    [Id(9)] public bool Force { get; set; }
}
