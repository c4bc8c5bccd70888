using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ArticleBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Tests.DirectLine;

/// <summary>The endpoints the bot's connector calls back on serviceUrl: only with the process's key; ids from the server.</summary>
public sealed class DirectLineBotEndpointsTests
{
    [Fact]
    public async Task SendActivity_WithoutBotKey_Returns401()
    {
        await using var host = await DirectLineHost.StartAsync();
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        (await client.StartAsync()).Dispose();

        using var anonymous = await BotCallAsync(host, HttpMethod.Post, $"/v3/conversations/{client.ConversationId}/activities", key: null, Bot("hi"));
        using var userToken = await BotCallAsync(host, HttpMethod.Post, $"/v3/conversations/{client.ConversationId}/activities", client.Token, Bot("hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, userToken.StatusCode);
    }

    [Fact]
    public async Task UpdateAndDeleteActivity_BotKey_ReplaceThenRemoveInStream()
    {
        await using var host = await DirectLineHost.StartAsync();
        var key = host.Services.GetRequiredService<DirectLineBridge>().BotKey;
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        (await client.StartAsync()).Dispose();
        var path = $"/v3/conversations/{client.ConversationId}/activities";

        using var sent = await BotCallAsync(host, HttpMethod.Post, path, key, Bot("first"));
        var id = (string)(await sent.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        await client.PollUntilAsync(a => (string?)a["id"] == id);
        using var updated = await BotCallAsync(host, HttpMethod.Put, $"{path}/{Uri.EscapeDataString(id)}", key, Bot("second"));
        var afterUpdate = await client.PollUntilAsync(a => (string?)a["id"] == id && (string?)a["text"] == "second");
        using var deleted = await BotCallAsync(host, HttpMethod.Delete, $"{path}/{Uri.EscapeDataString(id)}", key, null);
        using var unknown = await BotCallAsync(host, HttpMethod.Put, $"{path}/no-such-activity", key, Bot("third"));
        using var all = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities?watermark=0", null);
        var remaining = (await all.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["activities"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("bot", (string?)afterUpdate.Last(a => (string?)a["id"] == id)["from"]!["role"]);
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.DoesNotContain(remaining, a => (string?)a!["id"] == id);
    }

    [Fact]
    public async Task PostActivity_MicrosoftAppIdConfigured_BotStillAnswersThroughDirectLine()
    {
        await using var host = await DirectLineHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "secret",
        });
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        (await client.StartAsync()).Dispose();

        using var posted = await client.PostAsync(DirectLineTestClient.Message("help", "client-1"));
        var echoId = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var activities = await client.PollUntilAsync(a => (string?)a["type"] == "message" && (string?)a["replyToId"] == echoId);

        Assert.Contains(activities, a => (string?)a["type"] == "message" && (string?)a["from"]!["role"] == "bot" && (string?)a["replyToId"] == echoId);
    }

    private static JsonObject Bot(string text) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = new JsonObject { ["id"] = "articlebot", ["name"] = "ArticleBot" },
    };

    private static async Task<HttpResponseMessage> BotCallAsync(DirectLineHost host, HttpMethod method, string path, string? key, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
