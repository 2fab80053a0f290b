using System.CommandLine;
using ImageVault.Cli.Commands;
using ImageVault.Client;
using Spectre.Console;

namespace ImageVault.Cli;

/// <summary>The command tree. <paramref name="handler"/> lets tests point it at an in-memory silo; normally it is null.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken ct, HttpMessageHandler? handler = null)
    {
        var global = new GlobalOptions(handler);
        var root = new RootCommand("ImageVault from the command line: import, export, search, tag, albums, sharing, administration");
        foreach (var option in new Option[] { global.Url, global.Token, global.Tenant }) root.Options.Add(option);
        root.Subcommands.Add(LoginCommand.Create(global, console));
        root.Subcommands.Add(ImportCommand.Create(global, console));
        root.Subcommands.Add(ExportCommand.Create(global, console));
        foreach (var command in LibraryCommands.Create(global, console)) root.Subcommands.Add(command);
        root.Subcommands.Add(AdminCommands.Create(global, console));
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Profile.Out.Writer, Error = console.Profile.Out.Writer }, ct);
        }
        catch (ImageVaultApiException e)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Code ?? ((int)e.Status).ToString(System.Globalization.CultureInfo.InvariantCulture))}[/]: {Markup.Escape(e.Detail ?? e.Message)}");
            return e is ImageVaultUnauthorizedException ? 3 : 1;
        }
        catch (HttpRequestException e)
        {
            console.MarkupLine($"[red]Cannot reach the silo:[/] {Markup.Escape(e.Message)}");
            return 4;
        }
    }
}
