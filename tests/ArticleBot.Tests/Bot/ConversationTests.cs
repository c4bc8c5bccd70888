using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ArticleBot.Bot;

namespace ArticleBot.Tests.Bot;

/// <summary>The conversation around the answers: the welcome, the help and articles commands, the typing indicator.</summary>
public sealed class ConversationTests(BotHostFixture fixture) : IClassFixture<BotHostFixture>
{
    private const string ArticleTitle = "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal";

    [Fact]
    public async Task PostConversationUpdate_UserAdded_WelcomesWithArticleCountAndTwoExamples()
    {
        using var response = await fixture.Host.PostActivityAsync(MembersAdded("conv-welcome", "user-1"));

        var welcome = Assert.Single(await BotReplies.ReadAsync(response));
        Assert.Equal("message", (string?)welcome["type"]);
        var examples = AssertWelcome((string)welcome["text"]!);

        // The examples are offered because the bot answers them: asked as the user would, each gets an answer, not
        // "the articles don't cover that" (the welcome once suggested "What happened in Moscow?", which it abstained on).
        foreach (var (example, i) in examples.Select((e, i) => (e, i)))
        {
            using var asked = await fixture.Host.PostActivityAsync(InConversation(BotHost.Message(example), $"conv-welcome-example-{i}"));
            var answer = (await BotReplies.ReadAsync(asked)).Last(r => (string?)r["type"] == "message");
            Assert.DoesNotContain(ArticleQa.Answering.Answer.NotCovered, (string?)answer["text"], StringComparison.Ordinal);
            Assert.Matches(@"\[1\]", (string?)answer["text"] ?? "");
        }
    }

    [Fact]
    public async Task PostConversationUpdate_OnlyBotAdded_SendsNothing()
    {
        using var response = await fixture.Host.PostActivityAsync(MembersAdded("conv-bot-added", "bot-1"));

        Assert.Empty(await BotReplies.ReadAsync(response));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("/help")]
    [InlineData("  HELP ")]
    // A greeting alone is no question about the articles: the welcome, not "the articles don't cover that".
    [InlineData("hi")]
    [InlineData("Hello!")]
    [InlineData("hey there")]
    [InlineData("Good morning.")]
    // So is a question about the bot itself.
    [InlineData("What can you do?")]
    [InlineData("How does this work?")]
    public async Task PostMessage_HelpOrGreeting_RepliesWithWelcome(string text)
    {
        using var response = await fixture.Host.PostActivityAsync(InConversation(BotHost.Message(text), "conv-help"));

        var reply = Assert.Single(await BotReplies.ReadAsync(response));
        AssertWelcome((string)reply["text"]!);
    }

    [Theory]
    [InlineData("thanks")]
    [InlineData("Thank you very much!")]
    [InlineData("thx :)")]
    [InlineData("Hi, thanks!")]
    public async Task PostMessage_ThankYou_RepliesYoureWelcome(string text)
    {
        using var response = await fixture.Host.PostActivityAsync(InConversation(BotHost.Message(text), "conv-thanks"));

        var reply = Assert.Single(await BotReplies.ReadAsync(response));
        Assert.Equal(BotCommands.YoureWelcome, (string?)reply["text"]);
    }

    [Fact]
    public async Task PostMessage_GreetingWithAQuestion_AnswersTheQuestion()
    {
        using var response = await fixture.Host.PostActivityAsync(InConversation(BotHost.Message("Hi, who will travel to Moscow next week?"), "conv-greeting-question"));

        var replies = await BotReplies.ReadAsync(response);
        Assert.Contains("Witkoff", (string?)replies.Last(r => (string?)r["type"] == "message")["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_Articles_ListsSeedArticleTitle()
    {
        using var response = await fixture.Host.PostActivityAsync(InConversation(BotHost.Message("articles"), "conv-articles"));

        var reply = Assert.Single(await BotReplies.ReadAsync(response));
        var text = (string)reply["text"]!;
        Assert.StartsWith("I know 1 article:\n\n", text, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^- {Regex.Escape(ArticleTitle)}( \(\d{{4}}-\d{{2}}-\d{{2}}\))?$", text);
    }

    [Fact]
    public async Task PostMessage_QuestionNotStreamed_SendsTypingBeforeAnswer()
    {
        using var response = await fixture.Host.PostActivityAsync(InConversation(BotHost.Message("Who will travel to Moscow next week?"), "conv-typing"));

        var replies = await BotReplies.ReadAsync(response);
        Assert.Equal(["typing", "message"], replies.Select(r => (string?)r["type"]));
        Assert.Contains("Witkoff", (string?)replies[1]["text"], StringComparison.Ordinal);
    }

    private static List<string> AssertWelcome(string text)
    {
        Assert.StartsWith("Hi! I answer questions about 1 article, ", text, StringComparison.Ordinal);
        var examples = Regex.Matches(text, @"(?m)^- ((Who is|What is|What happened in|What do the articles say about) .+\?)$").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal(2, examples.Distinct().Count());
        Assert.Contains("help", text, StringComparison.Ordinal);
        Assert.Contains("reset", text, StringComparison.Ordinal);
        return examples;
    }

    internal static JsonObject MembersAdded(string conversationId, string memberId)
    {
        var activity = InConversation(BotHost.Message(""), conversationId);
        activity["type"] = "conversationUpdate";
        activity.Remove("text");
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = memberId });
        return activity;
    }

    internal static JsonObject InConversation(JsonObject activity, string conversationId)
    {
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        return activity;
    }
}
