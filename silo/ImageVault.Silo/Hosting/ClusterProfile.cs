using System.Net;
using ImageVault.Grains;
using ImageVault.Grains.Ports;
using ImageVault.Infrastructure.Postgres;
using ImageVault.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ImageVault.Silo.Hosting;

/// <summary>
/// The cluster profile: many silos, with membership, grain state (System.Text.Json) and reminders in
/// PostgreSQL through Orleans' ADO.NET providers and ImageVault's own schema (deploy/sql/postgresql),
/// applied on start before the providers load their queries.
/// </summary>
public static class ClusterProfile
{
    public const string NpgsqlInvariant = "Npgsql";

    public static IHostApplicationBuilder AddImageVaultCluster(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ImageVaultClusterOptions.Section).Get<ImageVaultClusterOptions>() ?? new ImageVaultClusterOptions();
        builder.Services.AddClusterServices(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            silo.Configure<Orleans.Configuration.ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (options.ClusterId, options.ServiceId));
            silo.ConfigureEndpoints(Advertised(options.AdvertisedAddress), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            silo.UsePostgres(options.PooledConnectionString());
            silo.UseSiloTls(builder.Configuration.GetSection(SiloTlsOptions.Section).Get<SiloTlsOptions>() ?? new SiloTlsOptions());
        });
        return builder;
    }

    /// <summary>Adapters and the schema migration (a hosted service that runs before the silo starts).</summary>
    public static IServiceCollection AddClusterServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ImageVaultClusterOptions>().Bind(configuration.GetSection(ImageVaultClusterOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddImageVaultCore(configuration).AddClusterBlobsAndIndex(configuration);
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<ImageVaultClusterOptions>>().Value.PooledConnectionString()));
        services.AddSingleton<IImageCatalog>(sp => new PostgresImageCatalog(sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId));
        services.AddSingleton<ITenantStateStore>(sp => new PostgresTenantStateStore(sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId));
        services.AddSingleton<IAuditLog>(sp => new PostgresAuditLog(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<PostgresSchemaMigrator>();
        services.AddHostedService<SchemaMigration>();
        return services;
    }

    /// <summary>Orleans' ADO.NET clustering, grain storage and reminders on PostgreSQL.</summary>
    public static ISiloBuilder UsePostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, connectionString));
        silo.AddAdoNetGrainStorage(StorageNames.Default, o =>
        {
            (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, connectionString);
            o.DeleteStateOnClear = true; // a purged image leaves no row behind
            o.GrainStorageSerializer = new JsonGrainStorageSerializer();
        });
        silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, connectionString));
        silo.ConfigureImageVaultSilo();
        return silo;
    }

    /// <summary>An IP address as given, or a host name (compose, DNS) resolved to its first IPv4 address.</summary>
    private static IPAddress Advertised(string address) =>
        IPAddress.TryParse(address, out var ip) ? ip
            : Dns.GetHostAddresses(address).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
              ?? throw new InvalidOperationException($"ImageVault:Cluster:AdvertisedAddress '{address}' resolves to no IPv4 address");

    private sealed class SchemaMigration(PostgresSchemaMigrator migrator, IOptions<ImageVaultClusterOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => migrator.ApplyAsync(options.Value.PooledConnectionString(), ct);
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
