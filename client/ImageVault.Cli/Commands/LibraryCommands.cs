using System.CommandLine;
using ImageVault.Client;
using ImageVault.Contracts;
using Spectre.Console;

namespace ImageVault.Cli.Commands;

/// <summary><c>search</c>, <c>tag</c>, <c>album</c> and <c>share</c>: thin wrappers over the SDK that print tables.</summary>
internal static class LibraryCommands
{
    public static IEnumerable<Command> Create(GlobalOptions global, IAnsiConsole console)
    {
        var text = new Argument<string?>("text") { Description = "Words to look for", Arity = ArgumentArity.ZeroOrOne };
        var tags = new Option<string[]>("--tag") { Description = "Required tags", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { Description = "At most this many results", DefaultValueFactory = _ => 50 };
        var search = new Command("search", "Search images") { text, tags, limit };
        search.SetAction(async (parse, ct) =>
        {
            var table = new Table().AddColumns("id", "file", "captured", "tags");
            await foreach (var hit in global.Client(parse).SearchAsync(new SearchRequest { Text = parse.GetValue(text), Tags = parse.GetValue(tags) ?? [] }, ct).Take(parse.GetValue(limit)))
                table.AddRow(hit.Id, Markup.Escape(hit.FileName), hit.CapturedAt ?? "", Markup.Escape(string.Join(", ", hit.Tags)));
            console.Write(table);
            return 0;
        });
        yield return search;

        var ids = new Argument<string[]>("ids") { Description = "Image ids", Arity = ArgumentArity.OneOrMore };
        var add = new Option<string[]>("--add") { AllowMultipleArgumentsPerToken = true };
        var remove = new Option<string[]>("--remove") { AllowMultipleArgumentsPerToken = true };
        var tag = new Command("tag", "Add or remove tags on images") { ids, add, remove };
        tag.SetAction(async (parse, ct) =>
        {
            var result = await global.Client(parse).BulkTagAsync(parse.GetValue(ids)!, parse.GetValue(add), parse.GetValue(remove), ct);
            console.MarkupLine($"{result.Succeeded} tagged{(result.NotFound.Count > 0 ? $", not found: {Markup.Escape(string.Join(' ', result.NotFound))}" : "")}");
            return result.NotFound.Count == 0 ? 0 : 2;
        });
        yield return tag;

        yield return AlbumCommand(global, console);
        yield return ShareCommand(global, console);
    }

    private static Command AlbumCommand(GlobalOptions global, IAnsiConsole console)
    {
        var album = new Command("album", "List, create and fill albums");
        var list = new Command("list", "All albums");
        list.SetAction(async (parse, ct) =>
        {
            var table = new Table().AddColumns("id", "name", "parent");
            foreach (var a in await global.Client(parse).ListAlbumsAsync(ct)) table.AddRow(a.Id, Markup.Escape(a.Name), a.ParentId ?? "");
            console.Write(table);
            return 0;
        });
        var name = new Argument<string>("name");
        var parent = new Option<string?>("--parent");
        var create = new Command("create", "Create an album; prints its id") { name, parent };
        create.SetAction(async (parse, ct) =>
        {
            console.WriteLine((await global.Client(parse).CreateAlbumAsync(parse.GetValue(name)!, null, parse.GetValue(parent), ct)).Id);
            return 0;
        });
        var albumId = new Argument<string>("album");
        var images = new Argument<string[]>("ids") { Arity = ArgumentArity.OneOrMore };
        var addTo = new Command("add", "Put images into an album") { albumId, images };
        addTo.SetAction(async (parse, ct) =>
        {
            var result = await global.Client(parse).ChangeAlbumImagesAsync(parse.GetValue(albumId)!, parse.GetValue(images)!, null, ct);
            console.MarkupLine($"{result.Succeeded} added");
            return 0;
        });
        album.Subcommands.Add(list);
        album.Subcommands.Add(create);
        album.Subcommands.Add(addTo);
        return album;
    }

    private static Command ShareCommand(GlobalOptions global, IAnsiConsole console)
    {
        var album = new Option<string?>("--album");
        var image = new Option<string?>("--image");
        var password = new Option<string?>("--password");
        var expires = new Option<TimeSpan?>("--expires") { Description = "For example 7.00:00:00 for a week" };
        var download = new Option<bool>("--download") { Description = "Allow downloading originals" };
        var location = new Option<bool>("--with-location") { Description = "Keep GPS positions" };
        var share = new Command("share", "Create a share link; prints its address") { album, image, password, expires, download, location };
        share.SetAction(async (parse, ct) =>
        {
            var connection = global.Resolve(parse);
            var link = await global.Client(connection).CreateShareLinkAsync(new NewShareLinkDto(parse.GetValue(image), parse.GetValue(album),
                parse.GetValue(download) ? ["downloadOriginal"] : [], parse.GetValue(location), parse.GetValue(expires) is { } e ? DateTimeOffset.UtcNow + e : null, parse.GetValue(password)), ct);
            console.WriteLine(new Uri(connection.Url, link.Url!.TrimStart('/')).ToString());
            return 0;
        });
        return share;
    }
}
