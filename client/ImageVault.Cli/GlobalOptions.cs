using System.CommandLine;
using ImageVault.Client;

namespace ImageVault.Cli;

/// <summary>The options every command takes, and how a command gets its client.</summary>
internal sealed class GlobalOptions(HttpMessageHandler? handler)
{
    public Option<string?> Url { get; } = new("--url") { Description = "The silo (default: IMAGEVAULT_URL, the saved login, or http://localhost:5080/)", Recursive = true };
    public Option<string?> Token { get; } = new("--token") { Description = "An API key or session token (default: IMAGEVAULT_TOKEN or the saved login)", Recursive = true };
    public Option<string?> Tenant { get; } = new("--tenant") { Description = "Operators only: the tenant to act for", Recursive = true };

    public Connection Resolve(ParseResult parse) => Connection.Resolve(parse.GetValue(Url), parse.GetValue(Token), parse.GetValue(Tenant));

    public ImageVaultClient Client(Connection connection) => connection.Client(handler);

    public ImageVaultClient Client(ParseResult parse) => Client(Resolve(parse));
}
