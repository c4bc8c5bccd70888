using System.Net;
using System.Text.Json.Nodes;
using ArticleBot.Bot;
using ArticleBot.Tests.Fakes;
using ArticleQa.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleBot.Tests.Bot;

/// <summary>
/// Thumbs up/down: Teams' <c>message/submitAction</c> invoke and Web Chat's feedback event each
/// store one line in the feedback file with the question, answer, cited passages and prompt hash they refer to.
/// </summary>
public sealed class FeedbackTests
{
    private const string Question = "Who will travel to Moscow next week?";
    private const string ArticleId = "putin-says-us-plan-could-be-basis-for-ukraine-deal";

    /// <summary>
    /// A streamed answer is the message the stream's first send created: Teams answers the final message 202 without
    /// an id, and the feedback's replyToId is the stream id.
    /// </summary>
    [Fact]
    public async Task PostInvoke_TeamsDislikeOnStreamedAnswer_Returns200EmptyAndStoresFeedback()
    {
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        (await host.PostActivityAsync(connector.Message(Question))).Dispose();
        var answer = Assert.Single(connector.Calls, c => c.Type == "message");
        Assert.Equal("final", (string?)answer.StreamInfo?["streamType"]);
        var sentBefore = connector.Calls.Count;

        using var response = await host.PostActivityAsync(Feedback(connector.Activity("invoke"), TeamsConnector.StreamId, "dislike", "{\"feedbackText\":\"wrong\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(sentBefore, connector.Calls.Count);
        var entry = Assert.Single(await ReadFeedbackAsync(host));
        Assert.Equal("msteams", (string?)entry["channel"]);
        Assert.Equal("dislike", (string?)entry["reaction"]);
        Assert.Equal("wrong", (string?)entry["comment"]);
        Assert.Equal(Question, (string?)entry["question"]);
        Assert.Equal(answer.Text, (string?)entry["answer"]);
        AssertCitedPassagesAndPromptHash(entry, host);
    }

    [Fact]
    public async Task PostInvoke_TeamsLikeOnGroupChatAnswer_Returns200EmptyAndStoresFeedback()
    {
        const string conversationId = "19:feedback-group@thread.v2";
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync();
        (await host.PostActivityAsync(connector.Message($"<at>{TeamsConnector.BotName}</at> {Question}", "groupChat", conversationId, mentionBot: true))).Dispose();
        var answer = Assert.Single(connector.Calls, c => c.Type == "message");
        var sentBefore = connector.Calls.Count;

        using var response = await host.PostActivityAsync(Feedback(connector.Activity("invoke", "groupChat", conversationId), answer.ReturnedId!, "like", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(sentBefore, connector.Calls.Count);
        var entry = Assert.Single(await ReadFeedbackAsync(host));
        Assert.Equal("like", (string?)entry["reaction"]);
        Assert.Null((string?)entry["comment"]);
        Assert.Equal(Question, (string?)entry["question"]);
        Assert.Equal(answer.Text, (string?)entry["answer"]);
        AssertCitedPassagesAndPromptHash(entry, host);
    }

    [Fact]
    public async Task PostEvent_WebChatLikeOnEarlierAnswer_StoresFeedback()
    {
        await using var host = await BotHost.StartAsync();
        using var asked = await host.PostActivityAsync(BotHost.Message(Question, "webchat"));
        var answer = Assert.Single((await BotReplies.ReadAsync(asked)).WithType("message"));
        var like = BotReplies.CitationEntity(answer)["potentialAction"]!.AsArray().Single(a => (string?)a!["@type"] == "LikeAction")!;
        var feedback = BotHost.Message("", "webchat");
        feedback["type"] = "event";
        feedback["name"] = "webchat:activity-status/feedback";
        feedback.Remove("text");
        feedback["entities"] = new JsonArray(like.DeepClone());

        using var response = await host.PostActivityAsync(feedback);

        Assert.Empty(await BotReplies.ReadAsync(response));
        var entry = Assert.Single(await ReadFeedbackAsync(host));
        Assert.Equal("webchat", (string?)entry["channel"]);
        Assert.Equal("like", (string?)entry["reaction"]);
        Assert.Null((string?)entry["comment"]);
        Assert.Equal($"fb:like:{entry["answerId"]}", (string?)like["@id"]);
        Assert.Equal(Question, (string?)entry["question"]);
        Assert.Contains("Witkoff", (string?)entry["answer"], StringComparison.Ordinal);
        AssertCitedPassagesAndPromptHash(entry, host);
    }

    /// <summary>Teams' <c>message/submitAction</c> invoke for the default feedback form.</summary>
    private static JsonObject Feedback(JsonObject invoke, string replyToId, string reaction, string feedback)
    {
        invoke["name"] = "message/submitAction";
        invoke["replyToId"] = replyToId;
        invoke["value"] = new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = feedback },
        };
        return invoke;
    }

    private static async Task<List<JsonObject>> ReadFeedbackAsync(BotHost host)
    {
        var path = host.Services.GetRequiredService<FeedbackStore>().Path;
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        return [.. lines.Select(l => JsonNode.Parse(l)!.AsObject())];
    }

    private static void AssertCitedPassagesAndPromptHash(JsonObject entry, BotHost host)
    {
        var cited = entry["citedPassageIds"]!.AsArray().Select(id => (string)id!).ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, id => Assert.Matches($@"^{ArticleId}#\d+$", id));
        Assert.Equal(host.Services.GetRequiredService<PromptLibrary>().Hash, (string?)entry["promptHash"]);
    }
}
