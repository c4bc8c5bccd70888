using ArticleQa.Tests.Fakes;
using Microsoft.Playwright;

namespace ArticleBot.Tests.DirectLine;

/// <summary>
/// The page in a real browser: Debian's Chromium, driven by Playwright (which downloads no browser of its own),
/// against the real host in Development. Skipped where /usr/bin/chromium is missing (apt-get install chromium).
/// </summary>
public sealed class WebChatBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Where the screenshot goes on every run (ignored by git); DirectLine/webchat.png is a committed copy.</summary>
    public static string ScreenshotPath => Path.Combine(RepositoryPaths.Root, "TestResults", "webchat.png");

    [Fact]
    public async Task WebChatPage_QuestionTypedInSendBox_ShowsAnswerWithCitationList()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing: install Debian's Chromium (apt-get install chromium) to run the real-browser test.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var model = FakeOpenAiServer.WordByWord(DirectLineConversationTests.Answer);
        await using var host = await DirectLineHost.StartAsync(settings: model.BotSettings(), configureServices: StreamingClock.Register());
        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("articlebot-chromium-");
        try
        {
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                ViewportSize = new ViewportSize { Width = 1000, Height = 860 },
                Locale = "en-US",
            });
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            await page.GotoAsync(host.BaseAddress.AbsoluteUri);

            var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
            await sendBox.FillAsync(DirectLineConversationTests.Question);
            await sendBox.PressAsync("Enter");
            var citations = page.Locator(".webchat__link-definitions");
            await Assertions.Expect(citations).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(citations.Locator(".webchat__link-definitions__list-item-text").First)
                .ToContainTextAsync(DirectLineConversationTests.ArticleTitle);
            await Assertions.Expect(page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").Last)
                .ToContainTextAsync("Witkoff will travel to Moscow");

            Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });

            // The seed article has no URL, so the citation is cite:1 and opens the cited passage in Web Chat's modal.
            await citations.Locator(".webchat__link-definitions__list-item-text").First.ClickAsync();
            var modal = page.Locator(".webchat__citation-modal-dialog");
            await Assertions.Expect(modal).ToContainTextAsync(DirectLineConversationTests.ArticleTitle);
            await Assertions.Expect(modal).ToContainTextAsync("Witkoff");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
