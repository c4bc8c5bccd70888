using ArticleQa.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

/// <summary>The Local model's follow-up questions on the seed article: deterministic, and every one answered.</summary>
public sealed class FollowUpGeneratorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Who will travel to Moscow next week?")]
    [InlineData("Where did Putin speak to reporters?")]
    [InlineData("What did Putin say about the plan?")]
    [InlineData("How many points does the plan have?")]
    public async Task SuggestAsync_SeedArticle_EverySuggestionIsAnsweredNotAbstained(string question)
    {
        await using var engine = TestEngine.Create();
        var answers = engine.GetRequiredService<AnswerGenerator>();
        var generator = engine.GetRequiredService<FollowUpGenerator>();
        var answer = await answers.AnswerAsync(question, Token);

        var suggestions = await generator.SuggestAsync(question, answer, Token);
        var again = await generator.SuggestAsync(question, answer, Token);

        Assert.InRange(suggestions.Count, 1, FollowUpGenerator.MaxFollowUps);
        Assert.Equal(suggestions, again);
        Assert.All(suggestions, s => Assert.InRange(s.Title.Length, 1, FollowUpGenerator.MaxTitleLength));
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Question).Distinct().Count());
        var replies = new List<string>();
        foreach (var suggestion in suggestions)
        {
            var followed = await answers.AnswerAsync(suggestion.Question, Token);
            Assert.False(followed.Abstained, $"'{suggestion.Question}' (after '{question}') was abstained on");
            Assert.NotEmpty(followed.Citations);
            replies.Add(followed.Text);
        }

        // No two suggestions lead to the same answer ("Bishkek" and "Kyrgyzstan", named together, are one).
        Assert.Equal(replies.Count, replies.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("Kyrgyzstan", "What happened in Kyrgyzstan?")]
    [InlineData("Bishkek", "What happened in Bishkek?")]
    [InlineData("Moscow", "What happened in Moscow?")]
    [InlineData("Witkoff", "Who is Witkoff?")]
    [InlineData("NATO", "What is NATO?")]
    public void QuestionsAbout_NameInText_MostSpecificWordingFirst(string name, string specific)
    {
        // "Kyrgyzstan" follows no preposition itself, only the city before it: a place, not a person.
        const string text = "Putin spoke during a visit to Bishkek, Kyrgyzstan. Witkoff will travel to Moscow. Witkoff met NATO.";

        Assert.Equal([specific, $"What do the articles say about {name}?"], FollowUpGenerator.QuestionsAbout(name, text));
    }

    [Fact]
    public async Task SuggestAsync_SeedArticle_NoCountryOfAPlaceSuggestedNorAWebSite()
    {
        await using var engine = TestEngine.Create();
        var answers = engine.GetRequiredService<AnswerGenerator>();
        var generator = engine.GetRequiredService<FollowUpGenerator>();
        const string Question = "What did Putin say about the plan?";

        var suggestions = (await generator.SuggestAsync(Question, await answers.AnswerAsync(Question, Token), Token)).Select(s => s.Question).ToList();

        // Before: "What happened in Bishkek?", then "What happened in Kyrgyzstan?" (the article only ever writes
        // "Bishkek, Kyrgyzstan"); and "Who is Antiwar?" from "Antiwar.com".
        Assert.Contains("What happened in Bishkek?", suggestions);
        Assert.DoesNotContain(suggestions, s => s.Contains("Kyrgyzstan", StringComparison.Ordinal) || s.Contains("Antiwar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuggestAsync_AnswersTheConversationHadAlready_NotSuggestedAgain()
    {
        await using var engine = TestEngine.Create();
        var answers = engine.GetRequiredService<AnswerGenerator>();
        var generator = engine.GetRequiredService<FollowUpGenerator>();
        const string Question = "What did Putin say about the plan?";
        var answer = await answers.AnswerAsync(Question, Token);
        var alone = await generator.SuggestAsync(Question, answer, Token);
        var first = await answers.AnswerAsync(alone[0].Question, Token);

        // The first suggestion's answer given earlier in the conversation (with another marker number): not offered again.
        var after = await generator.SuggestAsync(Question, answer, [first.Text.Replace("[1]", "[2]", StringComparison.Ordinal)], Token);

        Assert.DoesNotContain(after, s => s.Question == alone[0].Question);
        Assert.Equal([.. alone.Skip(1).Select(s => s.Question)], after.Select(s => s.Question).Take(alone.Count - 1));
    }

    [Fact]
    public async Task StarterQuestionsAsync_SeedArticle_NamesWithinALine()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<FollowUpGenerator>();

        var starters = await generator.StarterQuestionsAsync(Token);

        // The subtitle ends "... with Putin" and the lead opens "Russian President Vladimir Putin": no name runs across.
        Assert.Equal(["Who is Witkoff?", "Who is Putin?"], starters);
    }

    [Theory]
    [InlineData("He spoke in Bishkek, Kyrgyzstan. He left Bishkek, Kyrgyzstan on Friday.", "Bishkek", "Kyrgyzstan", true)]
    [InlineData("He spoke in Bishkek, Kyrgyzstan. Kyrgyzstan borders China.", "Bishkek", "Kyrgyzstan", false)]
    [InlineData("He spoke in Bishkek.", "Bishkek", "Kyrgyzstan", false)]
    public void OnlyAfter_CountryOfAPlace(string text, string place, string name, bool expected)
    {
        Assert.Equal(expected, FollowUpGenerator.OnlyAfter(text, place, name));
    }

    [Theory]
    [InlineData("Dave DeCamp is the news editor of Antiwar.com. Antiwar.com will remove attacks.", "Antiwar", true)]
    [InlineData("Antiwar.com reported it. Antiwar staff agreed.", "Antiwar", false)]
    [InlineData("Putin said so. It was the end.", "Putin", false)]
    public void InAddressOnly_NameOfAWebSite(string text, string name, bool expected)
    {
        Assert.Equal(expected, FollowUpGenerator.InAddressOnly(text, name));
    }

    [Fact]
    public async Task SuggestAsync_Abstention_SuggestsNothing()
    {
        await using var engine = TestEngine.Create();

        var suggestions = await engine.GetRequiredService<FollowUpGenerator>().SuggestAsync("What is the boiling point of mercury?", Answer.NotCoveredAnswer, Token);

        Assert.Empty(suggestions);
    }

    [Theory]
    [InlineData("1. Who is Steve Witkoff?\n2. Where is Bishkek?\n- \"What did Putin say about Europe?\"\nSure, here you go", 3)]
    [InlineData("Who will travel to Moscow next week?\nWhat is the plan?", 1)]
    [InlineData("No questions here.", 0)]
    public void ParseQuestions_ModelReply_OneQuestionPerLineOtherThanTheOneAsked(string reply, int expected)
    {
        var questions = FollowUpGenerator.ParseQuestions(reply, "Who will travel to Moscow next week?").ToList();

        Assert.Equal(expected, questions.Count);
        Assert.All(questions, q => Assert.EndsWith("?", q.Question, StringComparison.Ordinal));
        Assert.All(questions, q => Assert.DoesNotMatch(@"^(\d|-|"")", q.Question));
    }
}
