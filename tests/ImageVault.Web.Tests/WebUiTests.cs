using Microsoft.Playwright;
using ImageVault.Testing;

namespace ImageVault.Web.Tests;

/// <summary>
/// The web UI in Debian's Chromium against a real silo: upload, thumbnails, tags, search, albums, a
/// share link opened in a fresh context, duplicate review, the viewer's keys, admin pages. Writes the
/// screenshots in docs/screenshots/.
/// </summary>
public class LibraryFlowTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 90_000;

    [Fact]
    public async Task A_person_uploads_tags_finds_files_albums_and_shares()
    {
        var page = await fx.NewPageAsync();
        var folder = TempFolder.Create("iv-web");
        var scene = TestImages.Scene(501, 960, 720);
        var files = new[] { ("harbour.jpg", scene), ("harbour-at-dusk.jpg", TestImages.Scene(503, 960, 720)), ("second.jpg", TestImages.Scene(502, 960, 720)), ("notes.txt", "not an image"u8.ToArray()) }
            .Select(f => { var path = Path.Combine(folder, f.Item1); File.WriteAllBytes(path, f.Item2); return path; }).ToArray();

        await page.SetInputFilesAsync("[data-testid=file-input]", files);
        await Expect(page.Locator("[data-testid=upload-summary]")).ToContainTextAsync("3 new · 0 already there · 1 refused", new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=upload-list]")).ToContainTextAsync("notes.txt");
        await Expect(page.Locator("figure.cell img.loaded")).ToHaveCountAsync(3, new() { Timeout = Timeout });
        await BrowserFixture.ScreenshotAsync(page, "timeline");

        // The viewer: tag, keyboard to the next image and back.
        await page.Locator("figure.cell").Nth(1).ClickAsync(); // the middle one: both arrow keys have somewhere to go
        await page.WaitForSelectorAsync("[data-testid=detail]");
        var first = page.Url;
        await page.FillAsync("input[name=tag]", "waterfront");
        await page.PressAsync("input[name=tag]", "Enter");
        await Expect(page.Locator("[data-testid=tags]")).ToContainTextAsync("waterfront");
        await BrowserFixture.ScreenshotAsync(page, "detail");
        await page.ClickAsync(".viewer img"); // out of the tag field: keys in text fields are typing, not navigation
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page).Not.ToHaveURLAsync(first);
        await page.Keyboard.PressAsync("ArrowLeft");
        await Expect(page).ToHaveURLAsync(first);

        // Search finds the tag.
        await page.ClickAsync("nav.top >> text=Search");
        await page.FillAsync(".search-box input", "waterfront");
        await page.PressAsync(".search-box input", "Enter");
        await Expect(page.Locator("figure.cell")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(page.Locator("[data-testid=facets]")).ToContainTextAsync("waterfront");
        await BrowserFixture.ScreenshotAsync(page, "search");

        // An album, filled from the viewer, then shared.
        await page.ClickAsync("nav.top >> text=Albums");
        await page.FillAsync("input[name=name]", "Harbour trip");
        await page.ClickAsync("form >> text=Create");
        await Expect(page.Locator("[data-testid=album-tree]")).ToContainTextAsync("Harbour trip");
        await BrowserFixture.ScreenshotAsync(page, "albums");
        await page.GotoAsync(first);
        await page.SelectOptionAsync("select[aria-label='Add to album']", new SelectOptionValue { Label = "Harbour trip" });
        await page.ClickAsync("text=Harbour trip");
        await Expect(page.Locator("figure.cell")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await page.ClickAsync(".album-actions >> text=Share");
        await page.ClickAsync("[data-testid=share-dialog] >> text=Create");
        var url = await page.Locator("[data-testid=share-url]").InputValueAsync();
        Assert.Contains("/s/ivl_default_", url);

        var visitor = await fx.NewPageAsync(signIn: false);
        await visitor.GotoAsync(url);
        await Expect(visitor.Locator("[data-testid=shared]")).ToContainTextAsync("Harbour trip");
        await Expect(visitor.Locator(".plain-grid img")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(visitor, "shared");
        Assert.Empty(fx.CspViolations);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_page_carries_a_strict_csp()
    {
        var page = await fx.NewPageAsync(signIn: false);
        var response = await page.GotoAsync("/");
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        await page.FillAsync("input[name=user]", "admin");
        await page.FillAsync("input[name=password]", "not-the-password-1");
        await page.ClickAsync("form[data-testid=sign-in] button");
        await Expect(page.Locator(".sign-in .error")).ToContainTextAsync("unknown tenant, user name or password");
        await BrowserFixture.ScreenshotAsync(page, "sign-in");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}

/// <summary>Duplicate review and the admin pages, on a silo of their own (so the groups are this test's only).</summary>
public class ReviewAndAdminTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const float Timeout = 90_000;

    [Fact]
    public async Task Near_duplicates_are_reviewed_and_admin_pages_show_users_keys_and_audit()
    {
        var page = await fx.NewPageAsync();
        var folder = TempFolder.Create("iv-web-dup");
        var scene = TestImages.Scene(601, 960, 720);
        var paths = new[] { ("pier.jpg", scene), ("pier-small.jpg", TestImages.Variant(scene, 0.4)) }
            .Select(f => { var path = Path.Combine(folder, f.Item1); File.WriteAllBytes(path, f.Item2); return path; }).ToArray();
        // One after the other, as a person adds a copy later (the review is what this test is about).
        await page.SetInputFilesAsync("[data-testid=file-input]", paths[0]);
        await Expect(page.Locator("figure.cell img.loaded")).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await page.SetInputFilesAsync("[data-testid=file-input]", paths[1]);
        await Expect(page.Locator("[data-testid=upload-summary]")).ToContainTextAsync("2 new", new() { Timeout = Timeout });

        // Analysis runs in the background; the group appears when both are analysed.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            await page.GotoAsync("/duplicates");
            await page.WaitForSelectorAsync("h2");
            if (await page.Locator("[data-testid=duplicate-group]").CountAsync() > 0) break;
            if (DateTime.UtcNow > deadline)
                Assert.Fail("no duplicate group appeared; analysis: " + await page.EvaluateAsync<string>("fetch('/api/v1/admin/analysis').then(r => r.text())"));
            await Task.Delay(1000);
        }
        await BrowserFixture.ScreenshotAsync(page, "duplicates");
        await Expect(page.Locator("[data-testid=duplicate-group]")).ToHaveCountAsync(1);
        await page.Locator("[data-testid=duplicate-group]").First.Locator("text=Stack the others").ClickAsync();
        await Expect(page.Locator("[data-testid=duplicate-group]")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await Expect(page.Locator(".empty")).ToContainTextAsync("No duplicates to review.");

        await page.ClickAsync("nav.top >> text=Admin");
        await Expect(page.Locator("[data-testid=users]")).ToContainTextAsync("admin");
        await page.FillAsync(".admin input[name=name]", "laptop");
        await page.ClickAsync(".admin form:has(input[name=name]) >> text=Create");
        await Expect(page.Locator("[data-testid=key-secret]")).ToContainTextAsync("ivk_default_");
        await Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("POST /api/v1/images");
        await BrowserFixture.ScreenshotAsync(page, "admin");

        // Chinese UI text.
        await page.ClickAsync("button.lang");
        await Expect(page.Locator("nav.top")).ToContainTextAsync("时间线");
        await page.ClickAsync("button.lang");
        Assert.Empty(fx.CspViolations);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
