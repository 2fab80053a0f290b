using System.ComponentModel.DataAnnotations;

namespace ImageVault.Silo.Hosting;

/// <summary>Settings of the cluster profile (section <c>ImageVault:Cluster</c>).</summary>
public sealed class ImageVaultClusterOptions
{
    public const string Section = "ImageVault:Cluster";

    /// <summary>Npgsql connection string of the PostgreSQL database holding membership, grain state and reminders.</summary>
    [Required] public string PostgresConnectionString { get; set; } = "";

    /// <summary>Connections per silo: several silos must fit under PostgreSQL's default limit of 100.</summary>
    [Range(2, 200)] public int MaxPoolSize { get; set; } = 20;

    /// <summary>Identifies the data (grain state, reminders); the same across deployments of one installation.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,100}$")] public string ServiceId { get; set; } = "imagevault";

    /// <summary>Identifies one running cluster; silos with the same id find each other.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,100}$")] public string ClusterId { get; set; } = "imagevault";

    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at: an IP, or a host name resolved at start (default: loopback).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    public string PooledConnectionString() =>
        new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionString) { MaxPoolSize = MaxPoolSize }.ConnectionString;
}
