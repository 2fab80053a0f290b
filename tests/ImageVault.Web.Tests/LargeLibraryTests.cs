using ImageVault.Grains.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImageVault.Web.Tests;

/// <summary>
/// The timeline stays a window over the library, however large: with thousands of images indexed (put
/// straight into the index; their thumbnails do not exist, the placeholders stand in), only the rows near
/// the viewport are in the page, and scrolling loads the next pages. A DOM bound, not a timing.
/// </summary>
public class LargeLibraryTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const int Images = 4000, MostCellsInThePage = 200;

    [Fact]
    public async Task The_timeline_keeps_only_the_visible_rows_in_the_page()
    {
        var index = fx.App.Services.GetRequiredService<IImageSearchIndex>();
        var start = new DateTime(2010, 1, 1);
        for (var i = 0; i < Images; i++)
            await index.UpsertAsync(new ImageSearchDocument
            {
                Tenant = "default", Id = $"big{i:D6}", Version = 1, FileName = $"IMG_{i:D6}.jpg", Format = "jpeg", Stage = "ready",
                CapturedAt = start.AddHours(i * 7), UploadedAt = DateTimeOffset.UtcNow, Width = 4000, Height = 3000,
                Placeholder = "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
            });

        var page = await fx.NewPageAsync();
        await Assertions.Expect(page.Locator(".page-head h2")).ToContainTextAsync($"{Images} images", new() { Timeout = 30_000 });
        var grid = page.Locator("[data-testid=grid]");
        var seen = new HashSet<string>();
        for (var step = 0; step < 40; step++)
        {
            var cells = await page.Locator("figure.cell").CountAsync();
            Assert.InRange(cells, 1, MostCellsInThePage);
            foreach (var id in await page.Locator("figure.cell").EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.id)")) seen.Add(id);
            await grid.EvaluateAsync("g => g.scrollBy(0, 3000)");
            await page.WaitForTimeoutAsync(60);
        }
        Assert.True(seen.Count > 3 * MostCellsInThePage, $"scrolling showed only {seen.Count} images"); // later pages were loaded and drawn
        await Assertions.Expect(page.Locator(".grid-header").First).ToContainTextAsync("20");
    }
}
