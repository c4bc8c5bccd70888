using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ArticleBot.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ArticleBot.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public async Task Healthz_Running_IsAliveAndReadyzReportsIndexAndStore()
    {
        await using var host = await BotHost.StartAsync();

        using var alive = await host.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var ready = await host.Client.GetFromJsonAsync<JsonObject>("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("ok", (string?)ready!["status"]);
        Assert.Equal("memory", (string?)ready["storage"]);
        Assert.True((int)ready["passages"]! > 0);
    }

    [Fact]
    public async Task Favicon_Requested_IsTheBotsPngIcon()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.Client.GetAsync("/favicon.ico", TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
    }

    [Theory]
    [InlineData("""{"type":"message"}""", "The activity has no channelId.")]
    [InlineData("""{"type":"message","channelId":"emulator","conversation":{"id":"c"}}""", "The activity has no serviceUrl.")]
    [InlineData("""{"type":"message","channelId":"emulator","serviceUrl":"http://127.0.0.1:1/"}""", "The activity has no conversation.id.")]
    [InlineData("""{"channelId":"emulator"}""", "The activity has no type.")]
    [InlineData("""{"type":"message","channelId":"emulator","serviceUrl":"ftp://x","conversation":{"id":"c"}}""", "The activity's serviceUrl 'ftp://x' is not an http(s) URL.")]
    [InlineData("[1, 2]", "The body is not an activity (a JSON object).")]
    public async Task PostMessages_MalformedActivity_Returns400WithOneLineReason(string body, string reason)
    {
        await using var host = await BotHost.StartAsync();

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(reason, (string?)error!["error"]);
    }

    [Fact]
    public async Task PostMessages_NotJson_Returns400()
    {
        await using var host = await BotHost.StartAsync();

        using var content = new StringContent("{ not json", Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/messages", content, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("""{"error":"The body is not JSON:""", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public async Task PostMessages_TurnFailsOutsideDevelopment_Returns500WithoutStackTrace()
    {
        // Production: the turn's replies go to a serviceUrl nobody listens on, so even the apology fails.
        var app = BotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], BotHostSettings());
        await app.StartAsync(TestContext.Current.CancellationToken);
        await using var stop = new AsyncStop(app);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.PostAsJsonAsync("/api/messages", BotHost.Message("Who will travel to Moscow next week?", deliveryMode: "normal"), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("details are in its log", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessages_QuestionOverTheLimit_RepliesThatItIsTooLong()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Channels:MaxQuestionCharacters"] = "50" });

        using var response = await host.PostActivityAsync(BotHost.Message(new string('a', 51)));

        Assert.Equal([QaBot.TooLong(51, 50)], await TextsAsync(response));
    }

    [Fact]
    public async Task PostMessages_DefaultLimit_Is2000Characters()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.PostActivityAsync(BotHost.Message(new string('x', 1_000_000)));

        Assert.Equal([QaBot.TooLong(1_000_000, 2000)], await TextsAsync(response));
    }

    [Fact]
    public async Task ForwardedHeaders_FromLoopbackProxy_SetSchemeHostAndClient()
    {
        var app = BotApp.Build(["--urls", "http://127.0.0.1:0"], BotHostSettings());
        app.MapGet("/test/request", (HttpRequest request) => $"{request.Scheme}://{request.Host} {request.HttpContext.Connection.RemoteIpAddress}");
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            using var request = new HttpRequestMessage(HttpMethod.Get, "/test/request");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "bot.example.org");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            Assert.Equal("https://bot.example.org 203.0.113.7", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Settings_NoPinnedUrls_DotnetRunKeeps3978()
    {
        var appsettings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ArticleBot", "appsettings.json")))!.AsObject();
        var launch = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "ArticleBot", "Properties", "launchSettings.json")))!;

        Assert.False(appsettings.ContainsKey("Urls"), "appsettings.json must not pin Urls: it overrides ASPNETCORE_URLS and ASPNETCORE_HTTP_PORTS");
        Assert.Equal("http://localhost:3978", (string?)launch["profiles"]!["ArticleBot"]!["applicationUrl"]);
    }

    private static async Task<List<string>> TextsAsync(HttpResponseMessage response) =>
        [.. (await BotReplies.ReadAsync(response)).WithType("message").Select(a => (string)a["text"]!)];

    private sealed class AsyncStop(WebApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    internal static Dictionary<string, string?> BotHostSettings() => new()
    {
        ["Articles:Path"] = RepositoryPaths.Seeds,
        ["Answering:PromptsPath"] = RepositoryPaths.Prompts,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Index:Path"] = BotHost.TempIndex(),
        ["Index:Watch"] = "false",
        ["Channels:FeedbackPath"] = Path.Combine(BotHost.TempIndex(), "feedback.jsonl"),
    };
}
