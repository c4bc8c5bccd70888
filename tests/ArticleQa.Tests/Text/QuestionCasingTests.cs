using ArticleQa.Answering;
using ArticleQa.Evaluation;
using ArticleQa.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Text;

public sealed class QuestionCasingTests
{
    /// <summary>How a few words are written inside the articles' sentences; the others are not in them.</summary>
    private static readonly Dictionary<string, string> Written = new(StringComparer.Ordinal)
    {
        ["steve"] = "Steve",
        ["witkoff's"] = "Witkoff's",
        ["role"] = "role",
        ["us"] = "US",
        ["moscow"] = "Moscow",
        ["travel"] = "travel",
        ["next"] = "next",
        ["week"] = "week",
        ["did"] = "did",
        ["say"] = "say",
        ["about"] = "about",
        ["d'olier"] = "D'Olier",
        ["street"] = "Street", // in street names only
    };

    [Theory]
    [InlineData("WHAT IS STEVE WITKOFF'S ROLE?", "What is Steve Witkoff's role?")]
    [InlineData("WHO WILL TRAVEL TO MOSCOW NEXT WEEK?", "Who will travel to Moscow next week?")]
    [InlineData("WHERE IS D'OLIER STREET?", "Where is D'Olier Street?")]
    [InlineData("  \"WHAT DID THE US SAY?\"", "  \"What did the US say?\"")]
    // Words the articles lack are capitalised: they may be names the articles lack, which must still be missed; but
    // not common words that are no name ("sanctions", "call"), which would read as names the articles lack.
    [InlineData("WHAT DID ZELENSKY SAY ABOUT SANCTIONS?", "What did Zelensky say about sanctions?")]
    [InlineData("WHAT DID CHINA CALL THE PLAN?", "What did China call the plan?")] // "china" is a name too
    [InlineData("WITHIN HOW MANY DAYS DID THE US CALL FOR ELECTIONS?", "Within how many days did the US call for elections?")]
    public void Restore_InCapitals_InTheArticlesCase(string asked, string restored)
    {
        Assert.Equal(restored, QuestionCasing.Restore(asked, Written.GetValueOrDefault));
    }

    [Theory]
    [InlineData("What is Steve Witkoff's role?")]
    [InlineData("what is steve witkoff's role?")]
    [InlineData("What did the US and NATO say?")]
    [InlineData("A")]
    [InlineData("28?")]
    public void Restore_NotAllCapitals_TheQuestionAsAsked(string asked)
    {
        Assert.Equal(asked, QuestionCasing.Restore(asked, Written.GetValueOrDefault));
    }

    [Fact]
    public async Task AnswerAsync_SeedQuestionsInCapitals_TheSameAnswersAsTypedNormallyOrAbstainedWhenUnanswerable()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var questions = (await QuestionFile.ReadAsync(RepositoryPaths.Combine("tests", "eval", "seed", "questions.jsonl"), TestContext.Current.CancellationToken)).Questions;

        // A word the articles lack stays capitalised and reads as a name they lack, so a question they cannot answer may
        // be abstained on in capitals where typed normally it is not ("HOW OLD IS VLADIMIR PUTIN?"); never the reverse.
        Assert.True(questions.Count >= 20);
        foreach (var question in questions)
        {
            var plain = await generator.AnswerAsync(question.Question, TestContext.Current.CancellationToken);
            var shouted = await generator.AnswerAsync(question.Question.ToUpperInvariant(), TestContext.Current.CancellationToken);
            Assert.True(
                plain.Text == shouted.Text || (!question.Answerable && shouted.Abstained),
                $"'{question.Question.ToUpperInvariant()}' got '{shouted.Text}', '{question.Question}' got '{plain.Text}'");
        }
    }
}
