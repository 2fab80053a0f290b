using System.CommandLine;
using Spectre.Console;

namespace ImageVault.Cli.Commands;

/// <summary><c>imagevault login</c>: signs in by password and saves the server and session token for later commands.</summary>
internal static class LoginCommand
{
    public static Command Create(GlobalOptions global, IAnsiConsole console)
    {
        var user = new Option<string>("--user") { Description = "User name", Required = true };
        var password = new Option<string?>("--password") { Description = "Password (asked for when left out)" };
        var command = new Command("login", "Sign in and remember the session for the next commands") { user, password };
        command.SetAction(async (parse, ct) =>
        {
            var connection = global.Resolve(parse);
            var secret = parse.GetValue(password) ?? console.Prompt(new TextPrompt<string>("Password:").Secret());
            var session = await global.Client(connection with { Token = null }).SignInAsync(parse.GetValue(user)!, secret, parse.GetValue(global.Tenant), ct);
            Connection.Save(connection.Url, session.Token);
            console.MarkupLine($"Signed in as [bold]{Markup.Escape(session.Me.UserName)}[/] ({session.Me.Role}) in tenant {Markup.Escape(session.Me.Tenant)} until {session.ExpiresAt:u}.");
            return 0;
        });
        return command;
    }
}
