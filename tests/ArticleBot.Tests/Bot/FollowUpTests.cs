using System.Text.Json.Nodes;
using ArticleBot.Channels;
using ArticleBot.Tests.Fakes;

namespace ArticleBot.Tests.Bot;

/// <summary>
/// Suggested follow-ups as each channel shows them (Teams personal: ≤ 3 actions titled in ≤ 20 characters with the
/// whole question as the value; Web Chat: buttons; Emulator: a list), none in Teams group chats or channels, none with
/// Channels:FollowUps off; and a clicked suggestion (imBack sends its value) is answered.
/// </summary>
public sealed class FollowUpTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    private const string Question = "Who will travel to Moscow next week?";

    [Fact]
    public async Task Post_TeamsPersonal_AtMostThreeShortTitledImBacksThatAreAnswered()
    {
        var reply = await AskAsync(BotHost.Message(Question, "msteams"));

        var actions = reply["suggestedActions"]!["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.InRange(actions.Count, 1, FollowUpActions.MaxActions);
        Assert.All(actions, a =>
        {
            Assert.Equal("imBack", (string?)a["type"]);
            Assert.InRange(((string)a["title"]!).Length, 1, FollowUpActions.MaxTeamsTitleLength);
            Assert.EndsWith("?", (string)a["value"]!, StringComparison.Ordinal);
        });
        foreach (var action in actions)
        {
            var answer = await AskAsync(BotHost.Message((string)action["value"]!, "msteams"));
            Assert.NotEqual(ArticleQa.Answering.Answer.NotCovered, (string?)answer["text"]);
        }
    }

    [Fact]
    public async Task Post_WebChat_ButtonsWithTheWholeQuestion()
    {
        var reply = await AskAsync(BotHost.Message(Question, "webchat"));

        var actions = reply["suggestedActions"]!["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.InRange(actions.Count, 1, FollowUpActions.MaxActions);
        Assert.All(actions, a => Assert.Equal((string?)a["value"], (string?)a["title"]));
    }

    [Fact]
    public async Task Post_Emulator_ShortListUnderTheAnswer()
    {
        var reply = await AskAsync(BotHost.Message(Question, "emulator"));

        var text = (string)reply["text"]!;
        var list = text[(text.IndexOf(FollowUpActions.ListHeading, StringComparison.Ordinal) + FollowUpActions.ListHeading.Length)..];
        Assert.True(text.IndexOf("**Sources**", StringComparison.Ordinal) < text.IndexOf(FollowUpActions.ListHeading, StringComparison.Ordinal));
        Assert.InRange(list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("- ", StringComparison.Ordinal) && l.EndsWith('?')), 1, 3);
        Assert.Null(reply["suggestedActions"]);
    }

    [Theory]
    [InlineData("groupChat", "19:followups-group@thread.v2")]
    [InlineData("channel", "19:followups-channel@thread.tacv2")]
    public async Task Post_TeamsGroupChatOrChannel_NoSuggestions(string conversationType, string conversationId)
    {
        var message = fixture.Connector.Message($"<at>{TeamsConnector.BotName}</at> {Question}", conversationType, conversationId, mentionBot: true);

        using var response = await fixture.Host.PostActivityAsync(message);

        var reply = Assert.Single(fixture.Connector.CallsTo(conversationId), c => c.Type == "message");
        Assert.Contains("Witkoff", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Activity["suggestedActions"]);
    }

    [Fact]
    public async Task Post_FollowUpsOff_NoSuggestionsOnAnyChannel()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["Channels:FollowUps"] = "false" });

        foreach (var channelId in new[] { "msteams", "webchat", "emulator" })
        {
            using var response = await host.PostActivityAsync(BotHost.Message(Question, channelId));
            var reply = Assert.Single((await BotReplies.ReadAsync(response)).WithType("message"));
            Assert.Null(reply["suggestedActions"]);
            Assert.DoesNotContain(FollowUpActions.ListHeading, (string?)reply["text"], StringComparison.Ordinal);
        }
    }

    private async Task<JsonObject> AskAsync(JsonObject message)
    {
        using var response = await fixture.Host.PostActivityAsync(message);
        var reply = Assert.Single((await BotReplies.ReadAsync(response)).WithType("message"));
        BotReplies.AssertValid(reply, (string)message["channelId"]!);
        return reply;
    }
}
