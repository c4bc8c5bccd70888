using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ArticleBot.Tests.Bot;

public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task Post_QuestionAboutSeed_RepliesWithMarkerAndCitationEntity()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.PostActivityAsync(BotHost.Message("Who will travel to Moscow next week?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var reply = Assert.Single(body!["activities"]!.AsArray(), a => (string?)a!["type"] == "message")!;
        var text = (string)reply["text"]!;
        Assert.Contains("Witkoff", text, StringComparison.Ordinal);
        Assert.Contains("[1]", text, StringComparison.Ordinal);

        var entity = Assert.Single(reply["entities"]!.AsArray(), e => (string?)e!["type"] == "https://schema.org/Message")!;
        Assert.Equal("", (string?)entity["@id"]);
        var claim = entity["citation"]!.AsArray()[0]!;
        Assert.Equal("Claim", (string?)claim["@type"]);
        Assert.Equal(1, (int)claim["position"]!);
        Assert.Equal("Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal", (string?)claim["appearance"]!["name"]);
        Assert.Contains("Witkoff", (string)claim["appearance"]!["abstract"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_QuestionNotCovered_RepliesNotCoveredWithAiLabelAndNoCitations()
    {
        await using var host = await BotHost.StartAsync();

        using var response = await host.PostActivityAsync(BotHost.Message("What is the boiling point of mercury?"));

        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var reply = Assert.Single(body!["activities"]!.AsArray(), a => (string?)a!["type"] == "message")!;
        Assert.Equal("The articles don't cover that.", (string?)reply["text"]);
        var entity = Assert.Single(reply["entities"]!.AsArray(), e => (string?)e!["type"] == "https://schema.org/Message")!;
        Assert.Equal("AIGeneratedContent", (string?)entity["additionalType"]![0]);
        Assert.Null(entity["citation"]);
    }

    [Fact]
    public async Task Post_AppIdConfiguredAndNoToken_Returns401()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "secret",
        });

        using var response = await host.PostActivityAsync(BotHost.Message("Who will travel to Moscow next week?"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GetReadyz_Running_ReportsArticleCount()
    {
        await using var host = await BotHost.StartAsync();

        var health = await host.Client.GetFromJsonAsync<JsonObject>("/readyz", TestContext.Current.CancellationToken);

        Assert.Equal("ok", (string?)health!["status"]);
        Assert.Equal(1, (int)health["articles"]!);
    }
}
