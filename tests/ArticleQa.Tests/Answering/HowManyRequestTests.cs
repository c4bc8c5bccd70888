using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

public sealed class HowManyRequestTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("How many points does the plan have?", "points")]
    [InlineData("how many Russian troops are in Ukraine?", "troops")]
    [InlineData("How many components?", "components")]
    [InlineData("How many days after signing would Ukraine vote?", "days")]
    [InlineData("Where did Putin speak?", null)]
    [InlineData("How much money does the plan give?", null)]
    public void CountedOf_TheStemOfWhatIsCounted(string question, string? counted)
    {
        Assert.Equal(counted, HowManyRequest.CountedOf(question));
    }

    [Theory]
    [InlineData("the US’s initial 28-point draft for a peace deal", "points", true)]
    [InlineData("all these 28 points should be divided into four separate components", "components", true)]
    [InlineData("elections within 100 days of the deal’s signing", "days", true)]
    [InlineData("all these 28 points should be divided", "components", false)]
    [InlineData("Points were made on many occasions.", "points", false)]
    [InlineData("At one point, Putin walked out.", "points", false)]
    [InlineData("The two pointed out that the draft was old.", "points", false)]
    [InlineData("In 2022 troops crossed the border.", "troops", false)]
    public void Answers_ANumberOfTheThingCounted(string sentence, string counted, bool answers)
    {
        Assert.Equal(answers, HowManyRequest.Answers(sentence, counted));
    }

    [Theory]
    [InlineData("How many points does the plan have?", "28-point draft")]
    [InlineData("How many components were the points divided into?", "four separate components")]
    public async Task AnswerAsync_ACountTheSeedGives_TheSentenceWithIt(string question, string expected)
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, Token);

        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Citations);
    }

    [Theory]
    [InlineData("How many Russian troops are in Ukraine?")]
    [InlineData("How many people have died in the war?")]
    public async Task AnswerAsync_ACountTheSeedLacks_NotCovered(string question)
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, Token);

        Assert.Equal(Answer.NotCovered, answer.Text);
    }
}
