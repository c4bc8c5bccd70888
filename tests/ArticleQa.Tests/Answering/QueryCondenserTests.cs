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
    [InlineData("And when?", "And when? (Who will travel to Moscow next week; Moscow, Steve Witkoff, Putin)")]
    [InlineData("What did the ECB decide about interest rates in May?", "What did the ECB decide about interest rates in May?")]
    [InlineData("Where?", "Where? (Who will travel to Moscow next week; Moscow, Steve Witkoff, Putin)")]
    // A name and nothing else after "and" or "what about": what the articles say about it, without the last turn's names.
    [InlineData("And Geneva?", "What do the articles say about Geneva?")]
    [InlineData("What about Kyiv?", "What do the articles say about Kyiv?")]
    [InlineData("And about Kyiv?", "What do the articles say about Kyiv?")]
    [InlineData("and how about Steve Witkoff", "What do the articles say about Steve Witkoff?")]
    [InlineData("What about the talks?", "What about the talks? (Moscow, Steve Witkoff, Putin)")]
    [InlineData("And where was he?", "And where was he? (Who will travel to Moscow next week; Moscow, Steve Witkoff, Putin)")]
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

    [Theory]
    // The last question asked again about something else: its subject in place of the old one.
    [InlineData("What did Putin say about the plan?", "And about Europe?", "What did Putin say about Europe?")]
    [InlineData("What did Putin say about the plan?", "What about the elections?", "What did Putin say about the elections?")]
    [InlineData("What did Putin say about the plan?", "And also about Europe?", "What did Putin say about Europe?")]
    // A name or a person without "about" is more likely a new speaker or subject: asked about as before.
    [InlineData("What did Putin say about the plan?", "and Europe", "What do the articles say about Europe?")]
    [InlineData("What did Rubio say about the talks?", "and Yermak?", "What do the articles say about Yermak?")]
    [InlineData("What did Brandt say about the bridge?", "And the mayor?", "And the mayor? (Brandt)")]
    // Words that go on with the conversation are no subject.
    [InlineData("What did Putin say about the plan?", "and then?", "and then? (What did Putin say about the plan; Putin)")]
    [InlineData("What did Putin say about the plan?", "And in?", "And in? (What did Putin say about the plan; Putin)")]
    [InlineData("Tell me about the plan", "How about the elections?", "Tell me about the elections?")]
    [InlineData("What does the article say regarding sanctions?", "What about troops?", "What does the article say regarding troops?")]
    // A phrase with a preposition in place of the earlier one with the same preposition.
    [InlineData("What happened to the draft in Geneva?", "And in Moscow?", "What happened to the draft in Moscow?")]
    [InlineData("Who spoke to reporters on Thursday?", "What about on Friday?", "Who spoke to reporters on Friday?")]
    // Nothing to put it in: as before.
    [InlineData("Who will travel to Moscow next week?", "And Geneva?", "What do the articles say about Geneva?")]
    [InlineData("What happened to the draft in Geneva?", "And on Monday?", "And on Monday? (Geneva)")]
    // A question of its own after "and" is not a subject.
    [InlineData("What did Putin say about the plan?", "And what did Zelensky say?", "And what did Zelensky say? (Putin)")]
    [InlineData("What did Putin say about the plan?", "And he said what?", "And he said what? (Putin)")]
    public void CarryForward_AskedAgainAboutSomethingElse_TheLastQuestionWithIt(string previous, string question, string expected)
    {
        Assert.Equal(expected, QueryCondenser.CarryForward(question, [new ConversationTurn(previous, "The articles don't cover that.", [])]));
    }

    [Fact]
    public void CarryForward_RunOfSuchFollowUps_EachAsksTheFirstQuestionAgain()
    {
        ConversationTurn[] history =
        [
            new("What did Putin say about the plan?", "Putin said it could be the basis [1].", ["seed#0"]),
            new("And about Europe?", "The Russian leader said it was “ridiculous” [1].", ["seed#4"]),
        ];

        Assert.Equal("What did Putin say about the elections?", QueryCondenser.CarryForward("What about the elections?", history));
    }

    [Fact]
    public void CarryForward_FollowUpsAfterAWhy_TheLastQuestionWithASubject()
    {
        ConversationTurn[] history =
        [
            new("What did Putin say about the plan?", "Putin said it could be the basis [1].", ["seed#0"]),
            new("Why?", "Putin said it could be the basis [1].", ["seed#0"]),
            new("And about Europe?", "The Russian leader said it was “ridiculous” [1].", ["seed#4"]),
            new("When?", "The Russian leader said it was “ridiculous” [1].", ["seed#4"]),
        ];

        Assert.Equal("What did Putin say about Europe?", QueryCondenser.CarryForward("And about Europe?", history[..2]));
        Assert.Equal("What did Putin say about the elections?", QueryCondenser.CarryForward("What about the elections?", history));
        Assert.Equal("Why? (What did Putin say about Europe; Russian)", QueryCondenser.CarryForward("Why?", history));
    }

    [Fact]
    public void CarryForward_SubjectThatRefersBack_ReframedWithThePreviousNames()
    {
        var history = new[] { new ConversationTurn("What did Putin say about the plan?", "Putin said Witkoff will travel to Moscow [1].", ["seed#0"]) };

        Assert.Equal("What did Putin say about his trip? (Witkoff, Moscow)", QueryCondenser.CarryForward("What about his trip?", history));
    }

    [Fact]
    public void HistoryText_Turns_UserAndBotLinesWithoutMarkers()
    {
        Assert.Equal(
            "User: Who will travel to Moscow next week?\nBot: Steve Witkoff will travel to Moscow next week to discuss the deal with Putin.",
            QueryCondenser.HistoryText([Previous]));
    }
}
