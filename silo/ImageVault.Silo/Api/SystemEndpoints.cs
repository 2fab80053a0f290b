using ImageVault.Contracts;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using ImageVault.Grains.Abstractions.Pipeline;
using ImageVault.Grains.Ports;
using ImageVault.Silo.Security;

namespace ImageVault.Silo.Api;

/// <summary>The operator's routes: tenants (create with a first admin, suspend, quotas, delete with all data) and the installation's audit log.</summary>
public static class SystemEndpoints
{
    public static void MapSystemEndpoints(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup("/api/v1/system/tenants");
        tenants.MapGet("/", async (IGrainFactory g) =>
        {
            var ids = await g.GetGrain<ITenantRegistryGrain>(Grains.Identity.TenantRegistryGrain.Key).ListAsync();
            var states = await Task.WhenAll(ids.Select(id => g.GetGrain<ITenantGrain>(id).GetAsync()));
            return Results.Ok(states.OfType<TenantState>().Select(t => t.ToDto()));
        }).RequireAccess(Permission.SystemAdmin);
        tenants.MapPost("/", async (IGrainFactory g, IdentityService identity, NewTenantDto d) =>
        {
            if (!GrainKeys.IsValidTenant(d.Id)) return Problems.Invalid("id must be 1–40 of a-z 0-9 -, starting with a letter or digit");
            if (QuotasOf(d.Quotas) is not { } quotas) return Problems.Invalid("quotas must not be negative");
            if (d.AdminPassword is not null && Grains.Identity.PasswordHasher.Weakness(d.AdminPassword) is { } weak) return Problems.Of(ErrorCodes.WeakPassword, weak);
            var grain = g.GetGrain<ITenantGrain>(d.Id!);
            if (await grain.CreateAsync(d.DisplayName ?? d.Id!, quotas) is not { } tenant) return Problems.Of(ErrorCodes.TenantExists, $"tenant '{d.Id}' exists");
            foreach (var shard in IPipelineSweeperGrain.ShardKeys(tenant.Id)) await g.GetGrain<IPipelineSweeperGrain>(shard).StartAsync();
            if (d.AdminUserName is not null)
            {
                var admin = await identity.CreateUserAsync(tenant.Id, d.AdminUserName, null, Role.TenantAdmin, d.AdminPassword);
                if (admin.ErrorCode is { } code) return Problems.Of(code, admin.Detail!);
            }
            return Results.Created($"/api/v1/system/tenants/{tenant.Id}", (await grain.GetAsync())!.ToDto());
        }).RequireAccess(Permission.SystemAdmin);
        tenants.MapGet("/{tenant}", async (IGrainFactory g, string tenant) =>
            GrainKeys.IsValidTenant(tenant) && await g.GetGrain<ITenantGrain>(tenant).GetAsync() is { } t ? Results.Ok(t.ToDto()) : Problems.NotFound("tenant"))
            .RequireAccess(Permission.SystemAdmin);
        tenants.MapPatch("/{tenant}", async (IGrainFactory g, string tenant, TenantPatchDto d) =>
        {
            if (!GrainKeys.IsValidTenant(tenant)) return Problems.NotFound("tenant");
            var grain = g.GetGrain<ITenantGrain>(tenant);
            if (await grain.GetAsync() is not { } current) return Problems.NotFound("tenant");
            if (d.Quotas is not null)
            {
                if (QuotasOf(d.Quotas, current.Quotas) is not { } quotas) return Problems.Invalid("quotas must not be negative");
                await grain.SetQuotasAsync(quotas);
            }
            if (d.Suspended is { } suspended) await grain.SetSuspendedAsync(suspended);
            return Results.Ok((await grain.GetAsync())!.ToDto());
        }).RequireAccess(Permission.SystemAdmin);
        tenants.MapDelete("/{tenant}", async (IGrainFactory g, string tenant) =>
            GrainKeys.IsValidTenant(tenant) && await g.GetGrain<ITenantGrain>(tenant).BeginDeleteAsync()
                ? Results.Accepted($"/api/v1/system/tenants/{tenant}") : Problems.NotFound("tenant"))
            .RequireAccess(Permission.SystemAdmin);

        app.MapGet("/api/v1/system/audit", (HttpContext h, IAuditLog audit, string? tenant, string? actor, string? action, long? before, int? limit) =>
            TenantAdminEndpoints.QueryAuditAsync(h, audit, tenant ?? IAuditLog.SystemTenant, new AuditQuery(null, null, actor, action, before, Math.Clamp(limit ?? 100, 1, 1000))))
            .RequireAccess(Permission.SystemAdmin);
    }

    private static TenantQuotas? QuotasOf(QuotasDto? q, TenantQuotas? current = null)
    {
        var c = current ?? TenantQuotas.Unlimited;
        var quotas = new TenantQuotas(q?.MaxImages ?? c.MaxImages, q?.MaxBytes ?? c.MaxBytes, q?.UploadsPerMinute ?? c.UploadsPerMinute);
        return quotas.MaxImages < 0 || quotas.MaxBytes < 0 || quotas.UploadsPerMinute < 0 ? null : quotas;
    }
}
