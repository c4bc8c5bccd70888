using System.Text.RegularExpressions;
using ArticleQa.Answering;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Text;

public sealed class QuestionSpellingTests
{
    private const string Article =
        "Putin also confirmed that President Trump's special envoy, Steve Witkoff, will be traveling to Moscow next week. " +
        "The negotiations in Geneva divided the 28 points into four components. The talks were held in Geneva. Putin called it ridiculous. A tier. Outside Geneva, D'Olier Street.";

    [Theory]
    [InlineData("Who will travel to Moscw next week?", "Who will travel to Moscow next week?")]
    [InlineData("Who is travleing to Moscow?", "Who is traveling to Moscow?")]
    [InlineData("What did the negotiatons in Geneva do?", "What did the negotiations in Geneva do?")]
    [InlineData("Where were the tallks held?", "Where were the talks held?")]
    [InlineData("WHO IS WITKOF?", "WHO IS WITKOFF?")]
    [InlineData("who is steve witkof", "who is steve witkoff")]
    [InlineData("Which Genevs talks?", "Which Geneva talks?")]
    [InlineData("What did Putin call ridiculus?", "What did Putin call ridiculous?")]
    // A function word's slip becomes the function word, not an article word one edit away ("tier").
    [InlineData("What was thier plan?", "What was their plan?")]
    [InlineData("What are Witkof's plans?", "What are Witkoff's plans?")]
    public void Correct_OneEditFromAnArticleWord_PutRightInTheCaseTyped(string asked, string corrected)
    {
        Assert.Equal(corrected, Correct(asked));
    }

    [Theory]
    // Words the articles lack on purpose: real words, or with no article word one edit away.
    [InlineData("What is Russia's GDP?")]
    [InlineData("What did Zelensky say about sanctions?")]
    [InlineData("Which city will host the signing ceremony?")]
    [InlineData("How many troops are in Ukraine?")]
    // Words the articles have, in any form the analyser stems alike.
    [InlineData("Who travels to Moscow?")]
    [InlineData("What were the negotiations about?")]
    // A stem that only looks like a word ("outbid" is one edit from "outsid", the stem of "outside").
    [InlineData("Who outbid the others outside Geneva?")]
    // The first letter is kept ("beriods" is not "periods").
    [InlineData("What happened in Keneva?")]
    // A name with an apostrophe is one word, as the analyser takes it.
    [InlineData("Where is D'Olier Street in Geneva?")]
    // Short words: one edit from too many others.
    [InlineData("Who is Putn?")]
    [InlineData("Who is Modi?")]
    public void Correct_NoSlipItCanTellApart_TheQuestionAsAsked(string asked)
    {
        Assert.Equal(asked, Correct(asked));
    }

    [Theory]
    // One edit from an article word ("predicted", "signed", "reporters"), but real words neither the articles nor the
    // embedding model's vocabulary hold: the engine's dictionary knows them.
    [InlineData("Was the deal predicated on elections?")]
    [InlineData("Who was the signer of the treaty?")]
    [InlineData("What did the reporter's sources say?")]
    public void Correct_RealWordTheArticlesLack_TheQuestionAsAsked(string asked)
    {
        const string article = "The deal was predicted to fail. Putin signed it and told reporters so.";
        Assert.Equal(asked, Correct(asked, article, AnswerGenerator.IsDictionaryWord));
        Assert.Equal("Was the deal predicted on elections?", Correct("Was the deal predictd on elections?", article, AnswerGenerator.IsDictionaryWord));
    }

    [Fact]
    public void Correct_SeveralNeighbours_TheOneMorePassagesContain()
    {
        // "tolks" is one edit from "talks" (in two passages) and "tools" (in one).
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal) { ["talk"] = 2, ["tool"] = 1 };

        Assert.Equal("Where were the talks held?", QuestionSpelling.Correct("Where were the tolks held?", t => frequencies.GetValueOrDefault(t), _ => true, _ => false));
    }

    [Fact]
    public void Correct_TextLongerThanAnyQuestion_TakenAsItIs()
    {
        var text = "Who will travel to Moscw next week?" + new string(' ', 600);

        Assert.Equal(text, Correct(text));
    }

    [Fact]
    public async Task AnswerAsync_SeedQuestionsWithATypingSlip_TheSameAnswersAsTypedRight()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        (string Right, string Slipped)[] questions =
        [
            ("Who will travel to Moscow next week?", "Who will travel to Moscw next week?"),
            ("Who will travel to Moscow next week?", "Who will travle to Moscow next week?"),
            ("Where did Putin speak to reporters?", "Where did Putin speak to reportres?"),
            ("What did Putin call ridiculous?", "What did Putin call ridiculus?"),
            ("How many points were in the initial US draft?", "How many points were in the intial US draft?"),
        ];

        foreach (var (right, slipped) in questions)
        {
            var plain = await generator.AnswerAsync(right, TestContext.Current.CancellationToken);
            var answer = await generator.AnswerAsync(slipped, TestContext.Current.CancellationToken);
            Assert.True(plain.Text == answer.Text, $"'{slipped}' got '{answer.Text}', '{right}' got '{plain.Text}'");
        }
    }

    private static string Correct(string question, string article = Article, Func<string, bool>? isDictionaryWord = null)
    {
        var frequencies = TermAnalyzer.Analyze(article).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var words = Regex.Matches(article.ToLowerInvariant(), @"\p{L}+(?:'\p{L}+)*").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return QuestionSpelling.Correct(question, t => frequencies.GetValueOrDefault(t), words.Contains, isDictionaryWord ?? MiniLmResources.IsDictionaryWord);
    }
}
