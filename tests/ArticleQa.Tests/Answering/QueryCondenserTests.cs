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
