namespace ImageVault.Grains.Ports;

/// <summary>
/// The append-only record of every change and every admin action: who, what, when, from where.
/// There is no update or delete: the adapters' tables refuse both. Entries never hold secrets, only
/// ids, routes and outcomes. Operator actions that belong to no tenant use <see cref="SystemTenant"/>.
/// </summary>
public interface IAuditLog
{
    /// <summary>The audit "tenant" of installation-wide actions; not a valid tenant id, so it cannot clash.</summary>
    public const string SystemTenant = "_system";

    Task AppendAsync(AuditEntry entry, CancellationToken ct = default);

    /// <summary>Newest first, at most <see cref="AuditQuery.Limit"/>, below <see cref="AuditQuery.BeforeId"/> when given (the next page).</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(string tenant, AuditQuery query, CancellationToken ct = default);
}

public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Tenant, string Actor, string Action, string? Target, int Status, string? Address, string? UserAgent);

public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, string? Action = null, long? BeforeId = null, int Limit = 100);
