using System.Security.Cryptography;
using ImageVault.Grains.Abstractions;
using ImageVault.Grains.Abstractions.Identity;
using Microsoft.Extensions.Options;

namespace ImageVault.Silo.Security;

/// <summary>
/// A fresh installation gets the default tenant and its first tenant admin, "admin". The password is
/// <c>ImageVault:Security:BootstrapAdminPassword</c> when set; otherwise a random one is written to
/// <c>{DataPath}/initial-admin-password</c> (owner-only) and only that path is logged, never the secret.
/// </summary>
public static partial class Bootstrap
{
    public const string AdminUserName = "admin";
    public const string PasswordFile = "initial-admin-password";

    public static async Task EnsureDefaultTenantAsync(IServiceProvider services)
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var tenant = grains.GetGrain<ITenantGrain>(GrainKeys.DefaultTenant);
        if (await tenant.GetAsync() is null) await tenant.CreateAsync("Default", TenantQuotas.Unlimited);
        if (await tenant.FindUserAsync(AdminUserName) is not null) return;

        var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Bootstrap));
        var password = options.BootstrapAdminPassword;
        if (string.IsNullOrEmpty(password))
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y');
            var path = Path.Combine(services.GetRequiredService<IOptions<Hosting.EmbeddedOptions>>().Value.DataPath, PasswordFile);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, password + "\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            LogPasswordWritten(log, AdminUserName, path);
        }
        var created = await services.GetRequiredService<IdentityService>().CreateUserAsync(GrainKeys.DefaultTenant, AdminUserName, "Administrator", Role.TenantAdmin, password);
        if (created.ErrorCode is { } code) throw new InvalidOperationException($"creating the first admin failed: {code} {created.Detail}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created user '{UserName}' in the default tenant; its password is in {Path} (read it, sign in, change it, delete the file)")]
    private static partial void LogPasswordWritten(ILogger log, string userName, string path);
}
