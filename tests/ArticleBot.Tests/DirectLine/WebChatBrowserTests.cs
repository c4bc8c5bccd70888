using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ArticleBot.Tests.DirectLine;

/// <summary>
/// The page in a real browser: Debian's Chromium, driven by Playwright (which downloads no browser of its own),
/// against the real host in Development with the Local model on the seed article. Skipped where /usr/bin/chromium is
/// missing (apt-get install chromium).
/// </summary>
public sealed partial class WebChatBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly (string Question, string Expected)[] Typed =
    [
        ("Who will travel to Moscow next week?", "Witkoff"),
        // Who wrote it is in no passage's words: the byline's passage is the source, in a conversation as well.
        ("Who wrote the article?", "Dave DeCamp"),
        // Typed with a slip, as people do: the bubble keeps it, the answer is the one to the question put right.
        ("Where did Putin speak to reportres?", "Bishkek"),
    ];

    /// <summary>Where the screenshot goes on every run (ignored by git); DirectLine/webchat.png is a committed copy.</summary>
    public static string ScreenshotPath => Path.Combine(RepositoryPaths.Root, "TestResults", "webchat.png");

    /// <summary>
    /// Four questions in one conversation (three typed, the fourth a suggested follow-up clicked): each answer is the next
    /// bubble after its own question and carries its citation list (Web Chat 4.18.1 used to draw later answers above
    /// their questions, webchat#5222).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WebChatPage_FourQuestions_EachAnswerFollowsItsQuestionWithItsCitations(bool streaming)
    {
        await using var session = await BrowserSession.StartAsync(streaming);
        var page = session.Page;

        for (var turn = 0; turn < Typed.Length; turn++)
        {
            await AskAsync(page, Typed[turn].Question, turn + 1);
        }

        var suggestion = page.Locator(".webchat__suggested-action").First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var followUp = (await suggestion.InnerTextAsync()).Trim();
        await suggestion.ClickAsync();
        await WaitForAnswersAsync(page, Typed.Length + 1);

        // A suggestion names its subject ("Who is Witkoff?", "What do the articles say about Moscow?"); its answer,
        // asked in the conversation, must be about that subject, not pulled back to the previous turn's passage.
        var subject = FollowUpSubject().Match(followUp);
        Assert.True(subject.Success, $"suggestion '{followUp}' is not one of the follow-up forms");
        var bubbles = await BubblesAsync(page);
        (string Question, string Expected)[] asked = [.. Typed, (followUp, subject.Groups["name"].Value)];
        foreach (var (question, expected) in asked)
        {
            var at = bubbles.FindIndex(b => b.User && b.Text.Contains(question, StringComparison.Ordinal));
            Assert.True(at >= 0, $"no bubble for '{question}' in {Describe(bubbles)}");
            Assert.True(at + 1 < bubbles.Count && !bubbles[at + 1].User, $"'{question}' is not followed by the bot in {Describe(bubbles)}");
            var answer = bubbles[at + 1];
            Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(ArticleQa.Answering.Answer.NotCovered, answer.Text, StringComparison.Ordinal);
            Assert.Contains(answer.Citations, c => c.Contains(DirectLineConversationTests.ArticleTitle, StringComparison.Ordinal));
        }

        Assert.Equal(Typed.Length + 1, bubbles.Count(b => b.User));
        if (streaming)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
        }
    }

    /// <summary>
    /// "Tell me more" after the overview, twice, as typed in the page: each reply is the bubble after its own request,
    /// cited, and reads on in the article instead of saying the lead again.
    /// </summary>
    [Fact]
    public async Task WebChatPage_TellMeMoreAfterTheOverview_ReadsOnWithCitations()
    {
        await using var session = await BrowserSession.StartAsync(streaming: true);
        var page = session.Page;
        string[] asked = ["What is the article about?", "Tell me more", "Tell me more"];
        for (var turn = 0; turn < asked.Length; turn++)
        {
            await AskAsync(page, asked[turn], turn + 1);
        }

        var bubbles = await BubblesAsync(page);
        var replies = bubbles.Select((b, i) => (b, i)).Where(x => x.b.User).Select(x => bubbles[x.i + 1]).ToList();
        Assert.Equal(asked.Length, replies.Count);
        Assert.All(replies, r => Assert.False(r.User, Describe(bubbles)));
        Assert.All(replies, r => Assert.Contains(r.Citations, c => c.Contains(DirectLineConversationTests.ArticleTitle, StringComparison.Ordinal)));
        Assert.Contains("spoke favorably", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("Bishkek", replies[1].Text, StringComparison.Ordinal);
        Assert.Equal(asked.Length, replies.Select(r => r.Text).Distinct().Count());
    }

    /// <summary>
    /// Questions as readers word them, typed in the page: who someone is, what he said about something and more of it,
    /// and a count. Each reply is the bubble after its own question, cited, with the sentence that answers it.
    /// </summary>
    [Fact]
    public async Task WebChatPage_ReadersQuestions_EachAnsweredWithItsSentenceCited()
    {
        var replies = await CitedRepliesAsync(["Who is Putin?", "What did Putin say about Europe?", "Tell me more", "How many points does the plan have?"], "webchat-readers.png");
        Assert.Contains("Russian President Vladimir Putin", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("ridiculous", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("We never had any such intentions", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains("28", replies[3].Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Follow-ups as readers type them, in the page: "Why?" about the last question's subject, and the last question
    /// asked again about something else ("And about Europe?", "What about the elections?"). Each reply is the bubble
    /// after its own follow-up, cited, with the sentence that answers it.
    /// </summary>
    [Fact]
    public async Task WebChatPage_ShortFollowUps_AnsweredAboutTheEarlierQuestionCited()
    {
        var replies = await CitedRepliesAsync(["What did Putin say about the Ukrainian government?", "Why?", "And about Europe?", "What about the elections?"], "webchat-follow-ups.png");
        Assert.Contains("not legitimate", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("because of the lack of elections", replies[1].Text, StringComparison.Ordinal);
        Assert.Contains("ridiculous", replies[2].Text, StringComparison.Ordinal);
        Assert.Contains("elections", replies[3].Text, StringComparison.Ordinal);
        // Before, "Why?" got the headline (which has most of the last answer's names), the other two the lead.
        Assert.DoesNotContain(replies, r => r.Text.StartsWith("Putin Says", StringComparison.Ordinal) || r.Text.Contains("spoke favorably", StringComparison.Ordinal));
    }

    /// <summary>
    /// The bot's reply to each of <paramref name="asked"/>, typed in turn in a new page (a full-page screenshot of it
    /// under TestResults as <paramref name="screenshot"/>): each the bubble after its own question, each citing the
    /// seed article.
    /// </summary>
    private static async Task<List<Bubble>> CitedRepliesAsync(string[] asked, string screenshot)
    {
        await using var session = await BrowserSession.StartAsync(streaming: true);
        var page = session.Page;
        for (var turn = 0; turn < asked.Length; turn++)
        {
            await AskAsync(page, asked[turn], turn + 1);
        }

        var bubbles = await BubblesAsync(page);
        var replies = bubbles.Select((b, i) => (b, i)).Where(x => x.b.User).Select(x => bubbles[x.i + 1]).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetDirectoryName(ScreenshotPath)!, screenshot), FullPage = true });
        Assert.Equal(asked.Length, replies.Count);
        Assert.All(replies, r => Assert.False(r.User, Describe(bubbles)));
        Assert.All(replies, r => Assert.Contains(r.Citations, c => c.Contains(DirectLineConversationTests.ArticleTitle, StringComparison.Ordinal)));
        return replies;
    }

    /// <summary>A citation without a url opens the bot's article page at the cited sentence, highlighted and in view.</summary>
    [Fact]
    public async Task WebChatPage_CitationClicked_OpensArticleAtHighlightedSentence()
    {
        await using var session = await BrowserSession.StartAsync(streaming: true);
        var page = session.Page;
        await AskAsync(page, Typed[0].Question, 1);

        var article = await page.Context.RunAndWaitForPageAsync(() =>
            page.Locator(".webchat__link-definitions__list-item-text").First.ClickAsync());
        await article.WaitForLoadStateAsync();

        Assert.StartsWith(session.BaseAddress.AbsoluteUri + "articles/", article.Url, StringComparison.Ordinal);
        var cited = article.Locator("mark#cited");
        // Either sentence that names the traveller is the right evidence (the lead and the body both say it).
        await Assertions.Expect(cited).ToContainTextAsync(new Regex("Witkoff,? will (be )?travel(ing)? to Moscow next week"));
        await Assertions.Expect(cited).ToBeInViewportAsync();
        await Assertions.Expect(article.Locator("h1")).ToHaveTextAsync(DirectLineConversationTests.ArticleTitle);
    }

    private static async Task AskAsync(IPage page, string question, int answers)
    {
        var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(question);
        await sendBox.PressAsync("Enter");
        await WaitForAnswersAsync(page, answers);
    }

    /// <summary>Final answers carry the thumbs buttons (streamed chunks do not), so their count says how many are done.</summary>
    private static Task WaitForAnswersAsync(IPage page, int count) =>
        Assertions.Expect(page.Locator(".webchat__basic-transcript__activity:has(.webchat__thumb-button)"))
            .ToHaveCountAsync(count, new() { Timeout = 60_000 });

    private static async Task<List<Bubble>> BubblesAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('.webchat__basic-transcript__activity')]
              .filter(a => a.querySelector('.webchat__bubble'))
              .map(a => ({
                user: !!a.querySelector('.webchat__bubble--from-user'),
                text: a.querySelector('.webchat__bubble').innerText,
                citations: [...a.querySelectorAll('.webchat__link-definitions__list-item-text')].map(e => e.innerText)
              })))
            """);
        return JsonSerializer.Deserialize<List<Bubble>>(json, Web)!;
    }

    /// <summary>The forms of the Local model's suggestions (FollowUpGenerator), with the name they ask about.</summary>
    [GeneratedRegex(@"^(What happened in|What is|Who is|What do the articles say about) (?<name>.+)\?$")]
    private static partial Regex FollowUpSubject();

    private static string Describe(List<Bubble> bubbles) =>
        string.Join(" | ", bubbles.Select(b => $"{(b.User ? "Q" : "A")}: {b.Text[..Math.Min(40, b.Text.Length)]}"));

    private sealed record Bubble(bool User, string Text, List<string> Citations);

    /// <summary>The host, Chromium and the page, torn down together.</summary>
    private sealed class BrowserSession : IAsyncDisposable
    {
        private readonly DirectLineHost _host;
        private readonly IPlaywright _playwright;
        private readonly IBrowserContext _browser;
        private readonly DirectoryInfo _profile;

        private BrowserSession(DirectLineHost host, IPlaywright playwright, IBrowserContext browser, DirectoryInfo profile, IPage page)
        {
            (_host, _playwright, _browser, _profile, Page) = (host, playwright, browser, profile, page);
        }

        public IPage Page { get; }

        public Uri BaseAddress => _host.BaseAddress;

        public static async Task<BrowserSession> StartAsync(bool streaming)
        {
            Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing: install Debian's Chromium (apt-get install chromium) to run the real-browser test.");
            Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            var host = await DirectLineHost.StartAsync(settings: new Dictionary<string, string?>
            {
                ["Channels:Streaming"] = streaming ? "true" : "false",
                ["Channels:StreamIntervalMilliseconds"] = "100",
            });
            var playwright = await Playwright.CreateAsync();
            var profile = Directory.CreateTempSubdirectory("articlebot-chromium-");
            var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
                ViewportSize = new ViewportSize { Width = 1000, Height = 1300 },
                Locale = "en-US",
            });
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            await page.GotoAsync(host.BaseAddress.AbsoluteUri);

            // The welcome first, as a user would see it before typing (a question sent sooner is echoed above it).
            await Assertions.Expect(page.Locator(".webchat__bubble").First).ToContainTextAsync("Hi! I answer questions", new() { Timeout = 60_000 });
            return new BrowserSession(host, playwright, browser, profile, page);
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
            await _host.DisposeAsync();
            _profile.Delete(recursive: true);
        }
    }
}
