using ImageVault.Client;
using Microsoft.Extensions.DependencyInjection;

// Upload a photo and search for it: IMAGEVAULT_URL (default http://localhost:5080/) and IMAGEVAULT_KEY (an API key).
var services = new ServiceCollection();
services.AddImageVaultClient(o => (o.BaseAddress, o.Token) = (new Uri(Environment.GetEnvironmentVariable("IMAGEVAULT_URL") ?? "http://localhost:5080/"), Environment.GetEnvironmentVariable("IMAGEVAULT_KEY")));
var vault = services.BuildServiceProvider().GetRequiredService<ImageVaultClient>();

var uploaded = await vault.UploadFileAsync(args[0], new Progress<long>(sent => Console.Write($"\r{sent:N0} bytes sent")));
Console.WriteLine($"\n{uploaded.Items[0].Outcome}: {uploaded.Items[0].Id}");
await foreach (var hit in vault.SearchAsync(new SearchRequest { Text = Path.GetFileNameWithoutExtension(args[0]) }))
    Console.WriteLine($"{hit.Id}  {hit.FileName}  {hit.Thumbnail}");
