using ArticleQa.Tests.Fakes;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ArticleBot.Tests.DirectLine;

/// <summary>The Direct Line subset driven over HTTP exactly as DirectLineJS 0.15.5 drives it from Web Chat.</summary>
public sealed class DirectLineConversationTests
{
    internal const string Question = "Who will travel to Moscow next week?";
    internal const string Answer = "Steve Witkoff will travel to Moscow next week to discuss the US plan with Putin [1].";
    internal const string ArticleTitle = "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal";

    [Fact]
    public async Task PostActivity_QuestionFromWebChat_EchoesThenStreamsThenAnswersWithCitations()
    {
        await using var model = FakeOpenAiServer.WordByWord(Answer);
        await using var host = await DirectLineHost.StartAsync(settings: model.BotSettings(), configureServices: StreamingClock.Register());
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        using var started = await client.StartAsync();
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);

        using var posted = await client.PostAsync(DirectLineTestClient.Message(Question, clientActivityId: "client-1"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var echoId = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["id"]!;
        var activities = await client.PollUntilAsync(a => Type(a) == "message" && StreamType(a) == "final");

        Assert.Matches($@"^{Regex.Escape(client.ConversationId!)}\|\d{{7}}$", echoId);
        Assert.Equal(activities.Count, activities.Select(a => (string?)a["id"]).Distinct().Count());
        var echo = Assert.Single(activities, a => (string?)a["id"] == echoId);
        AssertEcho(echo, client.ConversationId!, host.BaseAddress);
        var replies = activities.Where(a => (string?)a["replyToId"] == echoId).ToList();
        Assert.True(activities.IndexOf(echo) < activities.IndexOf(replies[0]));
        Assert.All(replies, a => Assert.Equal("bot", (string?)a["from"]!["role"]));
        var streamId = AssertLivestream(replies.Where(a => Type(a) == "typing").ToList());
        AssertFinalAnswer(Assert.Single(replies, a => Type(a) == "message"), streamId);
    }

    [Fact]
    public async Task StartConversation_PageToken_StartsThatConversationAndBotWelcomesUser()
    {
        await using var host = await DirectLineHost.StartAsync();
        using var issued = await host.Client.PostAsync("/webchat/token", null, TestContext.Current.CancellationToken);
        var info = await issued.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        var client = new DirectLineTestClient(host.Client, (string)info!["token"]!);

        using var started = await client.StartAsync();
        var body = client.Conversation;
        var welcome = (await client.PollUntilAsync(a => Type(a) == "message")).Single(a => Type(a) == "message");
        using var again = await client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal((string?)info["conversationId"], client.ConversationId);
        Assert.Equal(1800, (int?)body!["expires_in"]);
        Assert.Equal("", (string?)body["streamUrl"]);
        Assert.Equal("bot", (string?)welcome["from"]!["role"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)welcome["text"]));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((string?)info["conversationId"], client.ConversationId);
    }

    [Fact]
    public async Task RefreshToken_CurrentToken_ReturnsNewTokenForSameConversation()
    {
        await using var host = await DirectLineHost.StartAsync();
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        (await client.StartAsync()).Dispose();
        var oldToken = client.Token;

        using var refreshed = await client.RefreshAsync();
        var body = await refreshed.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        client.Token = (string)body!["token"]!;
        using var withNew = await client.GetActivitiesAsync();
        client.Token = oldToken;
        using var withOld = await client.GetActivitiesAsync();

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(client.ConversationId, (string?)body["conversationId"]);
        Assert.NotEqual(oldToken, (string?)body["token"]);
        Assert.Equal(1800, (int?)body["expires_in"]);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
    }

    [Fact]
    public async Task Activities_WrongToken_Returns403()
    {
        await using var host = await DirectLineHost.StartAsync();
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        (await client.StartAsync()).Dispose();
        var other = await DirectLineTestClient.ForPageTokenAsync(host.Client);
        client.Token = other.Token;

        using var poll = await client.GetActivitiesAsync();
        using var post = await client.PostAsync(DirectLineTestClient.Message(Question, "client-2"));
        client.Token = client.ConversationId + ".forged";
        using var forged = await client.GetActivitiesAsync();
        using var refresh = await client.RefreshAsync();

        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
    }

    [Fact]
    public async Task Activities_UnknownConversation_Returns404()
    {
        await using var host = await DirectLineHost.StartAsync();
        var client = await DirectLineTestClient.ForPageTokenAsync(host.Client);

        using var poll = await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/no-such-conversation/activities?watermark=", null);
        using var post = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations/no-such-conversation/activities", DirectLineTestClient.Message(Question, "client-3"));
        using var reconnect = await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/no-such-conversation?watermark=", null);

        Assert.Equal(HttpStatusCode.NotFound, poll.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reconnect.StatusCode);
    }

    /// <summary>The user's activity, echoed with what the bot needs filled in and Web Chat's clientActivityID kept.</summary>
    private static void AssertEcho(JsonObject echo, string conversationId, Uri serviceUrl)
    {
        Assert.Equal("client-1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.Equal(Question, (string?)echo["text"]);
        Assert.Equal("user-1", (string?)echo["from"]!["id"]);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.Equal("articlebot", (string?)echo["recipient"]!["id"]);
        Assert.Equal(conversationId, (string?)echo["conversation"]!["id"]);
        Assert.Equal("webchat", (string?)echo["channelId"]);
        Assert.Equal(serviceUrl.AbsoluteUri, (string?)echo["serviceUrl"]);
        Assert.True(DateTimeOffset.TryParse((string?)echo["timestamp"], CultureInfo.InvariantCulture, out _));
    }

    /// <summary>Web Chat 4.18's livestream: informative first, then chunks keyed on its id, sequence 2, 3, ...; returns the stream id.</summary>
    private static string AssertLivestream(List<JsonObject> typing)
    {
        var informative = typing[0];
        Assert.Equal("informative", StreamType(informative));
        Assert.Equal(1, (int?)informative["channelData"]!["streamSequence"]);
        Assert.Null(informative["channelData"]!["streamId"]);
        var streamId = (string)informative["id"]!;
        var chunks = typing.Skip(1).ToList();
        Assert.NotEmpty(chunks);
        Assert.All(chunks, c =>
        {
            Assert.Equal("streaming", StreamType(c));
            Assert.Equal(streamId, (string?)c["channelData"]!["streamId"]);
            Assert.StartsWith("Steve", (string?)c["text"], StringComparison.Ordinal);
        });
        Assert.Equal(Enumerable.Range(2, chunks.Count), chunks.Select(c => (int)c["channelData"]!["streamSequence"]!));
        return streamId;
    }

    /// <summary>The final message closes the stream and carries Web Chat's citations: link definitions plus the Message entity.</summary>
    private static void AssertFinalAnswer(JsonObject final, string streamId)
    {
        Assert.Equal("final", StreamType(final));
        Assert.Equal(streamId, (string?)final["channelData"]!["streamId"]);
        Assert.Null(final["channelData"]!["streamSequence"]);
        var text = (string)final["text"]!;
        Assert.Contains("Witkoff will travel to Moscow", text, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^\[1\]: \S+ ""{Regex.Escape(ArticleTitle)}""$", text);
        var entity = Assert.Single(final["entities"]!.AsArray(), e => (string?)e!["type"] == "https://schema.org/Message")!;
        Assert.Equal("", (string?)entity["@id"]);
        var claim = Assert.Single(entity["citation"]!.AsArray())!;
        Assert.Equal(1, (int?)claim["position"]);
        Assert.Equal(ArticleTitle, (string?)claim["appearance"]!["name"]);
    }

    internal static string? Type(JsonObject activity) => (string?)activity["type"];

    internal static string? StreamType(JsonObject activity) => (string?)activity["channelData"]?["streamType"];
}
