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
        foreach (var suggestion in suggestions)
        {
            var followed = await answers.AnswerAsync(suggestion.Question, Token);
            Assert.False(followed.Abstained, $"'{suggestion.Question}' (after '{question}') was abstained on");
            Assert.NotEmpty(followed.Citations);
        }
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
