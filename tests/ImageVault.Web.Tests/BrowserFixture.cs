using Microsoft.Playwright;
using ImageVault.Testing;

namespace ImageVault.Web.Tests;

/// <summary>
/// A real silo on Kestrel (analysis on, so duplicates and look-alikes appear) and Debian's Chromium driven
/// by Playwright: the executable path is given, so no browser is ever downloaded. Fails loudly without it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public ImageVaultApp App { get; } = new ImageVaultApp().WithKestrel();
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => App.KestrelAddress!.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium)) throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium (deploy/ci/install-deps.sh does)");
        App.StartServer();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies), signed in as the default tenant's admin unless told otherwise.</summary>
    public async Task<IPage> NewPageAsync(bool signIn = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 860 }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) CspViolations.Add(message.Text); };
        if (!signIn) return page;
        await page.GotoAsync("/");
        await page.FillAsync("input[name=user]", "admin");
        await page.FillAsync("input[name=password]", ImageVaultApp.AdminPassword);
        await page.ClickAsync("form[data-testid=sign-in] button");
        await page.WaitForSelectorAsync("nav.top");
        return page;
    }

    public List<string> CspViolations { get; } = [];

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepoPaths.Docs(Path.Combine("screenshots", $"{name}.png")) });
}
