using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Intelligence;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Ports;

namespace ImageVault.Silo.Api;

/// <summary>Operator calls: full re-index from grain state, pipeline backlog, a sweep on demand, analysis jobs and their progress.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin");
        admin.MapPost("/reindex", async (HttpContext h, IGrainFactory g, IImageCatalog catalog) =>
        {
            var tenant = RequestTenant.Of(h);
            long indexed = 0, failed = 0;
            string? after = null;
            while (await catalog.ListImageIdsAsync(tenant, after, 500, h.RequestAborted) is { Count: > 0 } page)
            {
                var results = await Task.WhenAll(page.Select(id => g.GetGrain<IImageGrain>(GrainKeys.For(tenant, id)).ReindexAsync()));
                indexed += results.Count(r => r);
                failed += results.Count(r => !r);
                after = page[^1];
            }
            return Results.Ok(new ReindexResultDto(indexed, failed));
        }).RequireAccess(Permission.TenantAdmin);
        admin.MapGet("/pipeline", async (HttpContext h, IGrainFactory g) =>
        {
            var pending = await Task.WhenAll(Shards(h).Select(s => g.GetGrain<IPipelineSweeperGrain>(s).PendingAsync()));
            return Results.Ok(new PipelineBacklogDto(pending.Sum(p => p.Count), pending.SelectMany(p => p).Take(1000).ToList()));
        }).RequireAccess(Permission.TenantAdmin);
        admin.MapPost("/analysis", async (HttpContext h, IGrainFactory g) =>
        {
            await g.GetGrain<IAnalysisJobGrain>(RequestTenant.Of(h)).StartAsync("operator request", force: true);
            return Results.Accepted("/api/v1/admin/analysis", await AnalysisProgressAsync(h, g, h.RequestServices.GetRequiredService<IImageSearchIndex>()));
        }).RequireAccess(Permission.TenantAdmin);
        admin.MapGet("/analysis", async (HttpContext h, IGrainFactory g, IImageSearchIndex index) => Results.Ok(await AnalysisProgressAsync(h, g, index))).RequireAccess(Permission.TenantAdmin);
        admin.MapPost("/sweep", async (HttpContext h, IGrainFactory g) =>
        {
            var resumed = await Task.WhenAll(Shards(h).Select(s => g.GetGrain<IPipelineSweeperGrain>(s).SweepAsync(TimeSpan.Zero)));
            return Results.Ok(new { resumed = resumed.Sum() });
        }).RequireAccess(Permission.TenantAdmin);
    }

    /// <summary>The job's dispatch state plus counts of live images per analysis state and pipeline stage (and the trash), from the index.</summary>
    private static async Task<AnalysisJobDto> AnalysisProgressAsync(HttpContext h, IGrainFactory g, IImageSearchIndex index)
    {
        var tenant = RequestTenant.Of(h);
        var job = await g.GetGrain<IAnalysisJobGrain>(tenant).GetAsync();
        var live = await index.SearchAsync(tenant, new ImageSearchQuery { Facets = true, Limit = 1, IncludeStacked = true }, h.RequestAborted);
        var byAnalysis = live.Facets?.GetValueOrDefault(SearchFacets.Analysis)?.ToDictionary(f => f.Value, f => f.Count) ?? [];
        var trashed = await index.SearchAsync(tenant, new ImageSearchQuery { Limit = 1, IncludeStacked = true, Trashed = true }, h.RequestAborted);
        var byStage = live.Facets?.GetValueOrDefault(SearchFacets.Stages)?.ToDictionary(f => f.Value, f => f.Count) ?? [];
        byStage["trashed"] = trashed.Total;
        return new AnalysisJobDto(job.JobId, job.Reason, job.Model, job.Running, job.Dispatched, job.StartedAt, job.FinishedDispatchAt, byAnalysis, byStage);
    }

    private static IEnumerable<string> Shards(HttpContext h) => IPipelineSweeperGrain.ShardKeys(RequestTenant.Of(h));
}
