using System.Text.RegularExpressions;
using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

/// <summary>Answers that are, or end in, quotations: whole quotation marks, one marker each, as the Local model gives them on the seed.</summary>
public sealed class QuotedAnswersTests
{
    [Theory]
    // The answer sentence opens a quotation the next sentence of the paragraph closes.
    [InlineData("What did the negotiators do with the 28 points?", "Putin said that he understood that the officials “decided among themselves that all these 28 points should be divided into four separate components [1]. All of this was passed on to us” [1].")]
    // The answer sentence is a whole quotation: its closing mark and one marker, not "exist.” [1]. [1]."
    [InlineData("What did Putin say about final versions?", "“However, it would be inappropriate for me to speak now of any final versions, as these do not exist” [1].")]
    public async Task AnswerAsync_AnswerInAQuotation_WholeMarksAndOneMarkerASentence(string question, string expected)
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();

        var answer = await generator.AnswerAsync(question, TestContext.Current.CancellationToken);

        Assert.Equal(expected, answer.Text);
        Assert.Single(answer.Citations);
        Assert.Equal(answer.Text.Count(c => c == '“'), answer.Text.Count(c => c == '”'));
        Assert.DoesNotMatch(new Regex(@"\]\s*\.?\s*\["), answer.Text);
    }

    [Theory]
    // A real model's marker after a closing quotation mark belongs to that sentence: it is kept there, once, and the next sentence stays a claim of its own.
    [InlineData("Putin said final versions “do not exist.” [1]", "Putin said final versions “do not exist” [1].")]
    [InlineData("Putin said of final versions: “these do not exist!” [1] He spoke in Bishkek [1].", "Putin said of final versions: “these do not exist!” [1] He spoke in Bishkek [1].")]
    public async Task AnswerAsync_RealModelMarkerAfterAQuotation_KeptWithItsSentence(string reply, string expected)
    {
        await using var engine = TestEngine.WithModel(new RecordingChatService(reply));

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("What did Putin say about final versions?", TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained);
        Assert.Equal(expected, answer.Text);
        Assert.Single(answer.Citations);
    }
}
