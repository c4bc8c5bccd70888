using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ArticleBot.Tests.ArticlePages;

/// <summary>
/// GET /articles/{id}?cite=START-END over real HTTP: the article encoded, the cited range marked, no script from the
/// article; and the links citations carry, absolute on the public base of the request (a dev tunnel's forwarded host).
/// </summary>
public sealed class ArticlePageTests : IAsyncLifetime
{
    private const string Question = "Who will travel to Moscow next week?";
    private readonly DirectoryInfo _articles = Directory.CreateTempSubdirectory("articlebot-articles-");
    private BotHost? _host;

    private BotHost Host => _host!;

    public async ValueTask InitializeAsync()
    {
        foreach (var seed in Directory.GetFiles(RepositoryPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(_articles.FullName, Path.GetFileName(seed)));
        }

        await File.WriteAllTextAsync(
            Path.Combine(_articles.FullName, "harbour.txt"),
            "Harbour <works> & dredging\nPublished: 2025-11-20\n\nThe harbour <script>alert('x')</script> opens in May.\n\nDredging of the basin starts in June.\n",
            TestContext.Current.CancellationToken);
        _host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Articles:Path"] = _articles.FullName });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _articles.Delete(recursive: true);
    }

    [Fact]
    public async Task Get_CiteRange_MarksItEncodedWithoutArticleScript()
    {
        var text = "Harbour <works> & dredging\n\nThe harbour <script>alert('x')</script> opens in May.\n\nDredging of the basin starts in June.";
        var start = text.IndexOf("Dredging of", StringComparison.Ordinal);

        using var response = await Host.Client.GetAsync($"/articles/harbour?cite={start}-{text.Length}", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Harbour &lt;works&gt; &amp; dredging</h1>", html, StringComparison.Ordinal);
        Assert.Contains("20 November 2025", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<mark id=\"cited\">Dredging of the basin starts in June.</mark>", html, StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "<script"));
        Assert.Contains($"<script nonce=\"{nonce}\">document.getElementById('cited').scrollIntoView", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("harbour?cite=50-10", HttpStatusCode.BadRequest, "cite must be START-END")]
    [InlineData("harbour?cite=0-99999", HttpStatusCode.BadRequest, "the article's length")]
    [InlineData("harbour?cite=abc", HttpStatusCode.BadRequest, "got 'abc'")]
    [InlineData("no-such-article", HttpStatusCode.NotFound, "No article with id 'no-such-article'")]
    public async Task Get_BadInput_ClearErrorNamingIt(string path, HttpStatusCode status, string message)
    {
        using var response = await Host.Client.GetAsync($"/articles/{path}", TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("webchat")]
    [InlineData("emulator")]
    public async Task Post_BehindDevTunnel_CitationLinksToArticlePageOnTunnelAndPageMarksExcerpt(string channelId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(BotHost.Message(Question, channelId)) };
        request.Headers.Add("X-Forwarded-Host", "abc123-3978.euw.devtunnels.ms");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var reply = Assert.Single((await BotReplies.ReadAsync(response)).WithType("message"));

        var claim = BotReplies.CitationEntity(reply)["citation"]![0]!["appearance"]!;
        var url = new Uri((string)claim["url"]!);
        Assert.Equal("https://abc123-3978.euw.devtunnels.ms/articles/putin-says-us-plan-could-be-basis-for-ukraine-deal", url.GetLeftPart(UriPartial.Path));
        Assert.Equal("#cited", url.Fragment);
        Assert.Contains(url.AbsoluteUri, (string)reply["text"]! + (channelId == "msteams" ? url.AbsoluteUri : ""), StringComparison.Ordinal);
        using var page = await Host.Client.GetAsync(url.PathAndQuery, TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Matches("<mark id=\"cited\">[^<]*Witkoff[^<]*</mark>", html);
    }
}
