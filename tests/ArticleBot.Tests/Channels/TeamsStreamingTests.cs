using ArticleQa.Tests.Fakes;
using System.Net;
using System.Text.Json.Nodes;
using ArticleBot.Tests.Fakes;

namespace ArticleBot.Tests.Channels;

/// <summary>
/// The Teams streaming protocol (channels.md §3.1) as a loopback connector playing Teams receives it: informative
/// typing, typing chunks on the stream id with sequence 2, 3, ..., then the final message; and no stream where Teams
/// would refuse one (group chats, expectReplies) or when the connector refuses it.
/// </summary>
public sealed class TeamsStreamingTests
{
    private const string Question = "Who will travel to Moscow next week?";
    private const string ModelAnswer = "Steve Witkoff will travel to Moscow next week to discuss the US plan with Putin [1].";

    [Fact]
    public async Task Post_PersonalChat_StreamsInformativeThenChunksThenFinal()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());
        var message = connector.Message(Question);

        using var response = await host.PostActivityAsync(message);
        using var unstreamed = await host.PostActivityAsync(ExpectReplies(connector.Message(Question, conversationId: "a:personal-chat-2")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = connector.Calls;
        Assert.All(calls, c => Assert.Equal($"/v3/conversations/a:personal-chat-1/activities/{message["id"]}", Uri.UnescapeDataString(c.Path)));
        AssertInformative(calls[0]);
        var chunks = calls.Skip(1).Take(calls.Count - 2).ToList();
        AssertChunks(chunks);
        // On the streaming clock every word is due to be forwarded: one chunk per word the model streamed.
        Assert.Equal(ModelAnswer.Split(' ').Length, chunks.Count);
        var final = calls[^1];
        AssertFinal(final);
        Assert.StartsWith((string)chunks[^1].Text!, final.Text, StringComparison.Ordinal);
        var expected = Assert.Single((await BotReplies.ReadAsync(unstreamed)).WithType("message"));
        Assert.Equal((string?)expected["text"], final.Text);
    }

    [Fact]
    public async Task Post_ConnectorRefusesStream_SendsOneFinalMessage()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync(refuseStreaming: true);
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());

        using var response = await host.PostActivityAsync(connector.Message(Question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = connector.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal((int)HttpStatusCode.Forbidden, calls[0].Status);
        Assert.Equal("informative", (string?)calls[0].StreamInfo?["streamType"]);
        AssertPlainFinal(calls[1]);
    }

    [Fact]
    public async Task Post_GroupChat_SendsTypingThenOneFinalMessage()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());
        var message = connector.Message($"<at>{TeamsConnector.BotName}</at> {Question}", "groupChat", "19:group-chat-1@thread.v2", mentionBot: true);

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = connector.Calls;
        Assert.Equal(["typing", "message"], calls.Select(c => c.Type));
        Assert.Null(calls[0].Text);
        Assert.Null(calls[0].StreamInfo);
        AssertPlainFinal(calls[1]);
    }

    [Fact]
    public async Task Post_ExpectReplies_RepliesTypingThenOneFinalMessage()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());

        using var response = await host.PostActivityAsync(ExpectReplies(connector.Message(Question)));

        var replies = await BotReplies.ReadAsync(response);
        Assert.Empty(connector.Calls);
        Assert.Equal(["typing", "message"], replies.Select(r => (string?)r["type"]));
        Assert.All(replies, r => Assert.Null(ConnectorCall.StreamInfoOf(r)));
        Assert.Contains("Witkoff", (string?)replies[1]["text"], StringComparison.Ordinal);
        Assert.Equal("default", (string?)replies[1]["channelData"]!["feedbackLoop"]!["type"]);
        BotReplies.AssertValid(replies[1], "msteams");
    }

    private static JsonObject ExpectReplies(JsonObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    private static void AssertInformative(ConnectorCall call)
    {
        Assert.Equal("typing", call.Type);
        Assert.Equal("Searching the articles…", call.Text);
        var info = call.StreamInfo!;
        Assert.Equal("informative", (string?)info["streamType"]);
        Assert.Equal(1, (int?)info["streamSequence"]);
        Assert.Null(info["streamId"]);
        Assert.Equal("informative", (string?)call.Activity["channelData"]!["streamType"]);
        Assert.Equal(1, (int?)call.Activity["channelData"]!["streamSequence"]);
        Assert.Equal(TeamsConnector.StreamId, call.ReturnedId);
    }

    /// <summary>Chunks on the stream id, sequence 2, 3, ..., each text the whole text so far.</summary>
    private static void AssertChunks(List<ConnectorCall> chunks)
    {
        Assert.True(chunks.Count >= 2, $"{chunks.Count} streamed chunk(s)");
        Assert.All(chunks, c =>
        {
            Assert.Equal("typing", c.Type);
            Assert.Equal("streaming", (string?)c.StreamInfo!["streamType"]);
            Assert.Equal(TeamsConnector.StreamId, (string?)c.StreamInfo["streamId"]);
            Assert.Equal(TeamsConnector.StreamId, (string?)c.Activity["channelData"]!["streamId"]);
            Assert.Equal((int?)c.StreamInfo["streamSequence"], (int?)c.Activity["channelData"]!["streamSequence"]);
        });
        Assert.Equal(Enumerable.Range(2, chunks.Count), chunks.Select(c => (int)c.StreamInfo!["streamSequence"]!));
        Assert.StartsWith("Steve", chunks[0].Text, StringComparison.Ordinal);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.StartsWith(chunks[i - 1].Text!, chunks[i].Text, StringComparison.Ordinal);
            Assert.True(chunks[i].Text!.Length > chunks[i - 1].Text!.Length, $"chunk {i + 2} does not extend chunk {i + 1}");
        }
    }

    /// <summary>The final message closes the stream and carries the citation entity and the feedback loop.</summary>
    private static void AssertFinal(ConnectorCall final)
    {
        Assert.Equal("message", final.Type);
        Assert.Equal("final", (string?)final.StreamInfo!["streamType"]);
        Assert.Equal(TeamsConnector.StreamId, (string?)final.StreamInfo["streamId"]);
        Assert.Null(final.StreamInfo["streamSequence"]);
        var channelData = final.Activity["channelData"]!;
        Assert.Equal("final", (string?)channelData["streamType"]);
        Assert.Equal(TeamsConnector.StreamId, (string?)channelData["streamId"]);
        Assert.Null(channelData["streamSequence"]);
        Assert.Equal("default", (string?)channelData["feedbackLoop"]!["type"]);
        Assert.Contains("Witkoff", final.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", final.Text, StringComparison.Ordinal);
        Assert.Equal(1, (int?)BotReplies.CitationEntity(final.Activity)["citation"]![0]!["position"]);
        BotReplies.AssertValid(final.Activity, "msteams");
    }

    /// <summary>A final message outside any stream: the answer with its citation and feedback loop, no stream metadata.</summary>
    private static void AssertPlainFinal(ConnectorCall final)
    {
        Assert.Equal("message", final.Type);
        Assert.Null(final.StreamInfo);
        Assert.Null(final.Activity["channelData"]!["streamId"]);
        Assert.Null(final.Activity["channelData"]!["streamType"]);
        Assert.Equal("default", (string?)final.Activity["channelData"]!["feedbackLoop"]!["type"]);
        Assert.Contains("Witkoff", final.Text, StringComparison.Ordinal);
        BotReplies.CitationEntity(final.Activity);
        BotReplies.AssertValid(final.Activity, "msteams");
    }
}
