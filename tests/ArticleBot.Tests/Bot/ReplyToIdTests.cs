using System.Text.Json.Nodes;
using ArticleBot.Tests.Fakes;

namespace ArticleBot.Tests.Bot;

/// <summary>Every reply names the message it answers in replyToId: typing, streamed chunks, answers, commands.</summary>
public sealed class ReplyToIdTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    [Theory]
    [InlineData("msteams", "Who will travel to Moscow next week?")]
    [InlineData("webchat", "Who will travel to Moscow next week?")]
    [InlineData("emulator", "What is the boiling point of mercury?")]
    [InlineData("emulator", "help")]
    public async Task Post_ExpectReplies_EveryReplyCarriesTheQuestionsId(string channelId, string text)
    {
        var message = BotHost.Message(text, channelId);

        using var response = await fixture.Host.PostActivityAsync(message);
        var replies = await BotReplies.ReadAsync(response);

        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Equal((string?)message["id"], (string?)r["replyToId"]));
    }

    [Fact]
    public async Task Post_TeamsStream_EveryActivityOfTheStreamCarriesTheQuestionsId()
    {
        const string conversationId = "a:reply-to-chat";
        var message = fixture.Connector.Message("Who will travel to Moscow next week?", conversationId: conversationId);

        using var response = await fixture.Host.PostActivityAsync(message);

        var calls = fixture.Connector.CallsTo(conversationId);
        Assert.Contains(calls, c => c.Type == "message");
        Assert.All(calls, c => Assert.Equal((string?)message["id"], (string?)c.Activity["replyToId"]));
    }
}
