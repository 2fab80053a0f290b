using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Silo.Security;
using ImageVault.Contracts;
using ImageVault.Grains.Ports;

namespace ImageVault.Silo.Api;

/// <summary><c>GET /api/v1/search</c>: straight to the index (never a fan-out over grains); the adapter applies the tenant.</summary>
public static class SearchEndpoints
{
    public static void MapSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/search", async (HttpContext http, IImageSearchIndex index) =>
        {
            var (query, error) = SearchQueryParser.Parse(http.Request.Query);
            if (query is null) return Problems.Of(ErrorCodes.InvalidQuery, error!);
            try
            {
                var result = await index.SearchAsync(RequestTenant.Of(http), query, http.RequestAborted);
                var facets = result.Facets?.ToDictionary(
                    f => f.Key, f => (IReadOnlyList<FacetValueDto>)f.Value.Select(v => new FacetValueDto(v.Value, v.Count)).ToArray());
                return Results.Ok(new SearchResponseDto(result.Total, result.Items.Select(d => d.ToHit()).ToArray(), result.NextCursor, facets));
            }
            catch (InvalidSearchException e)
            {
                return Problems.Of(e.Code, e.Message);
            }
        }).RequireAccess(Permission.Read);
}
