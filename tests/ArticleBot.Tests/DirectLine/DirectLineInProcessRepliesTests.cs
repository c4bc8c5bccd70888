using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ArticleBot.DirectLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Tests.DirectLine;

/// <summary>
/// The bot's replies to local Direct Line conversations go into the store in process, not over HTTP to the
/// activity's serviceUrl: with a serviceUrl nothing listens on (127.0.0.1:1), the answers still arrive in the stream.
/// </summary>
public sealed class DirectLineInProcessRepliesTests
{
    private const string Unreachable = "http://127.0.0.1:1/";

    [Fact]
    public async Task PostActivity_ServiceUrlUnreachable_AnswerStillArrivesInStream()
    {
        await using var host = await DirectLineHost.StartAsync(configureServices: services =>
            services.AddSingleton(new DirectLineServiceUrl(new AddressesOnlyServer(Unreachable))));
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        (await client.StartAsync()).Dispose();

        using var posted = await client.PostAsync(DirectLineTestClient.Message("help", "client-1"));
        var echoId = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var activities = await client.PollUntilAsync(a => (string?)a["type"] == "message" && (string?)a["replyToId"] == echoId);

        Assert.Equal(Unreachable, (string?)activities.Single(a => (string?)a["id"] == echoId)["serviceUrl"]);
        Assert.Contains(activities, a => (string?)a["type"] == "message" && (string?)a["from"]!["role"] == "bot" && (string?)a["replyToId"] == echoId);
    }

    [Fact]
    public async Task BotConnector_UnreachableServiceUrl_SendReplyUpdateDeleteServedInProcess()
    {
        await using var host = await DirectLineHost.StartAsync();
        var bridge = host.Services.GetRequiredService<DirectLineBridge>();
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        (await client.StartAsync()).Dispose();
        var ct = TestContext.Current.CancellationToken;
        using var connector = await new DirectLineConnectorFactory(bridge.Replies, bridge.BotKey).CreateAsync(Unreachable, "", ct);
        var conversationId = client.ConversationId!;

        var sent = await connector.Conversations.SendToConversationAsync(conversationId, Bot("first"), ct);
        var replied = await connector.Conversations.ReplyToActivityAsync(conversationId, sent.Id, Bot("second"), ct);
        var updated = await connector.Conversations.UpdateActivityAsync(conversationId, sent.Id, Bot("first, edited"), ct);
        await connector.Conversations.DeleteActivityAsync(conversationId, replied.Id, ct);
        var unknown = await Assert.ThrowsAsync<ErrorResponseException>(() => connector.Conversations.SendToConversationAsync("no-such-conversation", Bot("lost"), ct));
        var activities = await client.PollUntilAsync(a => (string?)a["id"] == sent.Id && (string?)a["text"] == "first, edited");

        Assert.Equal(sent.Id, updated.Id);
        Assert.NotEqual(sent.Id, replied.Id);
        Assert.Equal("bot", (string?)activities.Last(a => (string?)a["id"] == sent.Id)["from"]!["role"]);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.Response.StatusCode);
        using var all = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=0", null);
        var remaining = (await all.Content.ReadFromJsonAsync<JsonObject>(ct))!["activities"]!.AsArray();
        Assert.DoesNotContain(remaining, a => (string?)a!["id"] == replied.Id);
        Assert.Contains(remaining, a => (string?)a!["id"] == sent.Id && (string?)a["text"] == "first, edited");
    }

    private static Activity Bot(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount("articlebot", "ArticleBot"),
    };

    /// <summary>A server that only reports the addresses it listens on, so <see cref="DirectLineServiceUrl"/> picks the given one.</summary>
    private sealed class AddressesOnlyServer : IServer
    {
        public AddressesOnlyServer(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
