using System.CommandLine;
using Spectre.Console;

namespace ImageVault.Cli.Commands;

/// <summary><c>imagevault import &lt;folder&gt;</c>: the live progress bar and the final report around <see cref="Importer"/>.</summary>
internal static class ImportCommand
{
    public static Command Create(GlobalOptions global, IAnsiConsole console)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder to import, with all its subfolders" };
        var parallel = new Option<int>("--parallel") { Description = "Uploads at a time", DefaultValueFactory = _ => 4 };
        var album = new Option<string?>("--album") { Description = "Put every imported image into this album (id)" };
        var command = new Command("import", "Upload a folder recursively: skips what the server has, resumes after an interruption") { folder, parallel, album };
        command.SetAction(async (parse, ct) =>
        {
            var dir = parse.GetValue(folder)!;
            if (!dir.Exists) { console.MarkupLine($"[red]No such folder:[/] {Markup.Escape(dir.FullName)}"); return 1; }
            var connection = global.Resolve(parse);
            var journal = new ImportJournal(dir.FullName, connection.Url);
            var importer = new Importer(global.Client(connection), Math.Clamp(parse.GetValue(parallel), 1, 32), parse.GetValue(album));
            ImportReport report;
            try
            {
                report = await console.Progress().AutoClear(false).HideCompleted(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                    .StartAsync(ctx => importer.RunAsync(dir, journal, new BarProgress(ctx), ct));
            }
            catch (OperationCanceledException)
            {
                console.MarkupLine("[yellow]Stopped.[/] Run the same command again to continue where it stopped.");
                return 130;
            }
            Print(console, report, journal);
            return report.Refused.Count == 0 ? 0 : 2;
        });
        return command;
    }

    private static void Print(IAnsiConsole console, ImportReport r, ImportJournal journal)
    {
        console.MarkupLine($"[green]{r.Created} new[/], {r.Duplicates} duplicates, {r.AlreadyThere} already on the server, {r.Resumed} done by an earlier run, [red]{r.Refused.Count} refused[/]");
        if (r.Refused.Count > 0)
        {
            var table = new Table().AddColumn("refused file").AddColumn("reason");
            foreach (var (file, reason) in r.Refused) table.AddRow(Markup.Escape(file), Markup.Escape(reason));
            console.Write(table);
        }
        console.MarkupLine($"[grey]journal: {Markup.Escape(journal.FilePath)}[/]");
    }

    /// <summary>One bar over all bytes; the description counts files.</summary>
    private sealed class BarProgress(ProgressContext ctx) : IImportProgress
    {
        private ProgressTask? _task;
        private int _files, _done;

        public void Start(int files, long bytes)
        {
            _files = files;
            _task = ctx.AddTask($"0/{files} files", maxValue: Math.Max(bytes, 1));
        }

        public void Advance(int files, long bytes, string? current)
        {
            if (_task is null) return;
            lock (this)
            {
                _done += files;
                _task.Increment(bytes);
                _task.Description = $"{_done}/{_files} files";
            }
        }
    }
}
