using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Ports;

namespace ImageVault.Silo.Api;

/// <summary>Operator calls: full re-index from grain state, pipeline backlog, a sweep on demand.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Hosting.AdminAccess.Policy);
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
        });
        admin.MapGet("/pipeline", async (HttpContext h, IGrainFactory g) =>
        {
            var pending = await Task.WhenAll(Shards(h).Select(s => g.GetGrain<IPipelineSweeperGrain>(s).PendingAsync()));
            return Results.Ok(new { pending = pending.Sum(p => p.Count), imageIds = pending.SelectMany(p => p).Take(1000) });
        });
        admin.MapPost("/sweep", async (HttpContext h, IGrainFactory g) =>
        {
            var resumed = await Task.WhenAll(Shards(h).Select(s => g.GetGrain<IPipelineSweeperGrain>(s).SweepAsync(TimeSpan.Zero)));
            return Results.Ok(new { resumed = resumed.Sum() });
        });
    }

    private static IEnumerable<string> Shards(HttpContext h) => IPipelineSweeperGrain.ShardKeys(RequestTenant.Of(h));
}
