// `imagevault`: the ImageVault command line. Everything lives in CliApp so tests can run it in process.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); }; // Ctrl+C stops cleanly; `import` resumes where it stopped
return await ImageVault.Cli.CliApp.RunAsync(args, Spectre.Console.AnsiConsole.Console, cancel.Token);
