using System.Net;
using ArticleQa.Answering;
using ArticleBot.Tests.Fakes;

namespace ArticleBot.Tests.Bot;

/// <summary>
/// In Teams group chats and channels the bot answers only when @mentioned, and the mention is not
/// part of the question.
/// </summary>
public sealed class GroupChatMentionTests(TeamsHostFixture fixture) : IClassFixture<TeamsHostFixture>
{
    private const string Question = "Who will travel to Moscow next week?";

    [Theory]
    [InlineData("groupChat", "19:no-mention-group@thread.v2")]
    [InlineData("channel", "19:no-mention-channel@thread.tacv2")]
    public async Task Post_GroupMessageWithoutMention_SendsNothing(string conversationType, string conversationId)
    {
        using var response = await fixture.Host.PostActivityAsync(fixture.Connector.Message(Question, conversationType, conversationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(fixture.Connector.CallsTo(conversationId));
    }

    [Fact]
    public async Task Post_GroupMessageMentioningSomeoneElse_SendsNothing()
    {
        const string conversationId = "19:other-mention-group@thread.v2";
        var message = fixture.Connector.Message($"<at>Bob</at> {Question}", "groupChat", conversationId);
        message["entities"]!.AsArray().Add(TeamsConnector.Mention("29:user-bob", "Bob"));

        using var response = await fixture.Host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(fixture.Connector.CallsTo(conversationId));
    }

    [Theory]
    [InlineData("groupChat", "19:mention-group@thread.v2")]
    [InlineData("channel", "19:mention-channel@thread.tacv2")]
    public async Task Post_GroupMessageMentioningBot_AnswersTheQuestion(string conversationType, string conversationId)
    {
        var message = fixture.Connector.Message($"<at>{TeamsConnector.BotName}</at> {Question}", conversationType, conversationId, mentionBot: true);

        using var response = await fixture.Host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Assert.Single(fixture.Connector.CallsTo(conversationId), c => c.Type == "message");
        Assert.NotEqual(Answer.NotCovered, answer.Text);
        Assert.Contains("Witkoff", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_GroupCommandMentioningBot_RunsTheCommand()
    {
        const string conversationId = "19:mention-command-group@thread.v2";
        var message = fixture.Connector.Message($"<at>{TeamsConnector.BotName}</at> articles", "groupChat", conversationId, mentionBot: true);

        using var response = await fixture.Host.PostActivityAsync(message);

        // Only with the mention removed is the text exactly the command; otherwise it would be answered as a question.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(fixture.Connector.CallsTo(conversationId));
        Assert.Equal("message", reply.Type);
        Assert.StartsWith("I know 1 article:", reply.Text, StringComparison.Ordinal);
    }
}
