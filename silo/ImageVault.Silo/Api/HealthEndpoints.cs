using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Images;
using ImageVault.Grains.Ports;

namespace ImageVault.Silo.Api;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: grain storage, blob store and index answer too.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).RequireAccess(Permission.Public);
        app.MapGet("/readyz", async (IGrainFactory grains, IBlobStore blobs, IImageSearchIndex index, CancellationToken ct) =>
        {
            try
            {
                // An image that never exists: activating it reads grain storage and writes nothing.
                await grains.GetGrain<IImageGrain>(GrainKeys.For(GrainKeys.DefaultTenant, "readinessprobe")).GetAsync();
                await blobs.StatAsync(BlobKeys.Temp("health", "readiness"), ct);
                await index.SearchAsync(GrainKeys.DefaultTenant, new ImageSearchQuery { Limit = 1 }, ct);
                return Results.Text("ready");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: e.GetType().Name);
            }
        }).RequireAccess(Permission.Public);
    }
}
