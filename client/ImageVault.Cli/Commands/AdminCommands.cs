using System.CommandLine;
using ImageVault.Contracts;
using Spectre.Console;

namespace ImageVault.Cli.Commands;

/// <summary><c>imagevault admin …</c>: tenants (operator), users and keys, re-index and analysis jobs.</summary>
internal static class AdminCommands
{
    public static Command Create(GlobalOptions global, IAnsiConsole console)
    {
        var admin = new Command("admin", "Tenants, users, keys, re-index, jobs");

        var tenants = new Command("tenants", "List tenants (operator)");
        tenants.SetAction(async (parse, ct) =>
        {
            var table = new Table().AddColumns("id", "status", "images", "bytes");
            foreach (var t in await global.Client(parse).ListTenantsAsync(ct)) table.AddRow(t.Id, t.Status, $"{t.Images}", $"{t.Bytes:N0}");
            console.Write(table);
            return 0;
        });
        var tenantId = new Argument<string>("id");
        var adminUser = new Option<string?>("--admin-user");
        var adminPassword = new Option<string?>("--admin-password");
        var createTenant = new Command("create-tenant", "Create a tenant with its first admin (operator)") { tenantId, adminUser, adminPassword };
        createTenant.SetAction(async (parse, ct) =>
        {
            var t = await global.Client(parse).CreateTenantAsync(new NewTenantDto(parse.GetValue(tenantId), null, null, parse.GetValue(adminUser), parse.GetValue(adminPassword)), ct);
            console.WriteLine(t.Id);
            return 0;
        });

        var users = new Command("users", "List the tenant's users");
        users.SetAction(async (parse, ct) =>
        {
            var table = new Table().AddColumns("id", "name", "role", "disabled");
            foreach (var u in await global.Client(parse).ListUsersAsync(ct)) table.AddRow(u.Id, Markup.Escape(u.UserName), u.Role, u.Disabled ? "yes" : "");
            console.Write(table);
            return 0;
        });
        var userName = new Argument<string>("name");
        var role = new Option<string>("--role") { DefaultValueFactory = _ => "viewer" };
        var password = new Option<string?>("--password");
        var createUser = new Command("create-user", "Create a user") { userName, role, password };
        createUser.SetAction(async (parse, ct) =>
        {
            console.WriteLine((await global.Client(parse).CreateUserAsync(new NewUserDto(parse.GetValue(userName), null, parse.GetValue(role), parse.GetValue(password)), ct)).Id);
            return 0;
        });

        var keyName = new Argument<string>("name");
        var scopes = new Option<string[]>("--scope") { AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["read"] };
        var createKey = new Command("create-key", "Create an API key for yourself; prints the secret once") { keyName, scopes };
        createKey.SetAction(async (parse, ct) =>
        {
            var key = await global.Client(parse).CreateApiKeyAsync(parse.GetValue(keyName)!, parse.GetValue(scopes)!, null, ct);
            console.WriteLine(key.Secret!);
            return 0;
        });
        var keyId = new Argument<string>("id");
        var revokeKey = new Command("revoke-key", "Revoke one of your API keys") { keyId };
        revokeKey.SetAction(async (parse, ct) =>
        {
            await global.Client(parse).RevokeApiKeyAsync(parse.GetValue(keyId)!, ct);
            return 0;
        });

        var reindex = new Command("reindex", "Rebuild the tenant's search index from stored state");
        reindex.SetAction(async (parse, ct) =>
        {
            var r = await global.Client(parse).ReindexAsync(ct);
            console.MarkupLine($"{r.Indexed} indexed, {r.Failed} failed");
            return r.Failed == 0 ? 0 : 2;
        });
        var jobs = new Command("jobs", "The analysis job and image counts per analysis state");
        jobs.SetAction(async (parse, ct) =>
        {
            var job = await global.Client(parse).GetAnalysisAsync(ct);
            console.MarkupLine($"running: {job.Running}, dispatched: {job.Dispatched}, model: {Markup.Escape(job.Model ?? "-")}");
            return 0;
        });

        foreach (var c in new[] { tenants, createTenant, users, createUser, createKey, revokeKey, reindex, jobs }) admin.Subcommands.Add(c);
        return admin;
    }
}
