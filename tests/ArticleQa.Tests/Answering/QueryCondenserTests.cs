using ArticleQa.Answering;

namespace ArticleQa.Tests.Answering;

public sealed class QueryCondenserTests
{
    private static readonly ConversationTurn Previous = new(
        "Who will travel to Moscow next week?",
        "Steve Witkoff will travel to Moscow next week to discuss the deal with Putin [1].",
        ["seed#0"]);

    [Theory]
    [InlineData("What will he discuss there?", "What will he discuss there? (Moscow, Steve Witkoff, Putin)")]
    [InlineData("And when?", "And when? (Moscow, Steve Witkoff, Putin)")]
    [InlineData("What did the ECB decide about interest rates in May?", "What did the ECB decide about interest rates in May?")]
    [InlineData("Where?", "Where? (Moscow, Steve Witkoff, Putin)")]
    // A name and nothing else after "and" or "what about": what the articles say about it, without the last turn's names.
    [InlineData("And Geneva?", "What do the articles say about Geneva?")]
    [InlineData("What about Kyiv?", "What do the articles say about Kyiv?")]
    [InlineData("and how about Steve Witkoff", "What do the articles say about Steve Witkoff?")]
    [InlineData("What about the talks?", "What about the talks? (Moscow, Steve Witkoff, Putin)")]
    [InlineData("And where was he?", "And where was he? (Moscow, Steve Witkoff, Putin)")]
    [InlineData("What did he say about Geneva?", "What did he say about Geneva? (Moscow, Steve Witkoff, Putin)")]
    // Short, and its capitalised first word is no name: still a follow-up.
    [InlineData("Exactly when?", "Exactly when? (Moscow, Steve Witkoff, Putin)")]
    [InlineData("Any details?", "Any details? (Moscow, Steve Witkoff, Putin)")]
    [InlineData("Anything else?", "Anything else? (Moscow, Steve Witkoff, Putin)")]
    // Short, but naming its own subject, as the suggested follow-ups do: asked as it is.
    [InlineData("What do the articles say about Moscow?", "What do the articles say about Moscow?")]
    [InlineData("What happened in Geneva?", "What happened in Geneva?")]
    [InlineData("Who is Witkoff?", "Who is Witkoff?")]
    [InlineData("What is NATO?", "What is NATO?")]
    public void CarryForward_FollowUp_AddsThePreviousTurnsNames(string question, string expected)
    {
        Assert.Equal(expected, QueryCondenser.CarryForward(question, Previous));
    }

    [Fact]
    public void HistoryText_Turns_UserAndBotLinesWithoutMarkers()
    {
        Assert.Equal(
            "User: Who will travel to Moscow next week?\nBot: Steve Witkoff will travel to Moscow next week to discuss the deal with Putin.",
            QueryCondenser.HistoryText([Previous]));
    }
}
