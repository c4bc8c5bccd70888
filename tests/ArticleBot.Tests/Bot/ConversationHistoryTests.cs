using ArticleBot.Bot;
using ArticleQa.Answering;

namespace ArticleBot.Tests.Bot;

/// <summary>
/// The conversation's recent turns: a follow-up is read in the light of the previous question, within one
/// conversation only, and <c>reset</c> forgets them.
/// </summary>
public sealed class ConversationHistoryTests(BotHostFixture fixture) : IClassFixture<BotHostFixture>
{
    private const string Question = "Who will travel to Moscow next week?";
    private const string FollowUp = "What will he discuss there?";

    [Fact]
    public async Task PostMessage_FollowUpInSameConversation_AnswersAboutTheDeal()
    {
        await AskAsync("conv-history", Question);

        var followUp = await AskAsync("conv-history", FollowUp);

        Assert.Contains("Witkoff", followUp, StringComparison.Ordinal);
        // Both sentences about the trip answer it: "...to discuss the deal" and "...to discuss the potential deal with Putin".
        Assert.Matches("to discuss the (potential )?deal", followUp);
    }

    [Fact]
    public async Task PostMessage_FollowUpInOtherConversation_IsNotCondensedWithFirst()
    {
        await AskAsync("conv-history-a", Question);

        var elsewhere = await AskAsync("conv-history-b", FollowUp);

        AssertAnswered(elsewhere);
        Assert.DoesNotContain("Witkoff", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostMessage_FollowUpAfterReset_AnsweredAsIfFirstQuestion()
    {
        var fresh = await AskAsync("conv-reset-fresh", FollowUp);
        await AskAsync("conv-reset", Question);
        var beforeReset = await AskAsync("conv-reset", FollowUp);

        var reset = await AskAsync("conv-reset", "reset");
        var afterReset = await AskAsync("conv-reset", FollowUp);

        Assert.Contains("Witkoff", beforeReset, StringComparison.Ordinal);
        Assert.Equal(BotCommands.ResetDone, reset);
        AssertAnswered(fresh);
        Assert.DoesNotContain("Witkoff", afterReset, StringComparison.Ordinal);
        Assert.NotEqual(beforeReset, afterReset);
        Assert.Equal(fresh, afterReset);
    }

    /// <summary>The engine answered (or said the articles don't cover it): not an apology for a failure.</summary>
    private static void AssertAnswered(string reply)
    {
        Assert.NotEqual(Answer.Apology, reply);
        Assert.NotEqual(BotAdapter.Apology, reply);
        Assert.True(reply == Answer.NotCovered || reply.Contains("[1]", StringComparison.Ordinal), $"Neither an answer with a citation nor the abstention: {reply}");
    }

    /// <summary>Sends <paramref name="text"/> in <paramref name="conversationId"/>; returns the text of the one message reply.</summary>
    private async Task<string> AskAsync(string conversationId, string text)
    {
        using var response = await fixture.Host.PostActivityAsync(ConversationTests.InConversation(BotHost.Message(text), conversationId));
        var reply = Assert.Single((await BotReplies.ReadAsync(response)).WithType("message"));
        return (string)reply["text"]!;
    }
}
