using ArticleQa.Answering.Learning;
using ArticleQa.Retrieval;
using ArticleQa.Tests.Retrieval;

namespace ArticleQa.Tests.Answering.Learning;

public sealed class QuestionFeaturesTests(MiniLmEmbeddingGeneratorFixture fixture)
{
    private static readonly int Second = Array.IndexOf(QuestionFeatures.Names, "secondProbability");
    private static readonly int Margin = Array.IndexOf(QuestionFeatures.Names, "probabilityMargin");

    [Fact]
    public async Task AnswerGroups_HeadlineSubtitleAndLeadSayingTheSame_OneGroupAndTheOtherFactItsOwn()
    {
        var candidates = await CandidatesAsync(
            "Witkoff will travel to Moscow next week to discuss the potential deal with Putin",
            "Putin also confirmed that President Trump’s special envoy, Steve Witkoff, will be traveling to Moscow next week to discuss the deal.",
            "The initial US draft was altered during talks between US and Ukrainian officials in Geneva.");

        var groups = QuestionFeatures.AnswerGroups(candidates);

        Assert.Equal(groups[0], groups[1]);
        Assert.NotEqual(groups[0], groups[2]);
    }

    [Fact]
    public void Combine_RunnerUpNearCopyOfTheBest_TheRivalIsTheBestOtherGroup()
    {
        float[][] sentences = [new float[SentenceFeatures.Names.Length], new float[SentenceFeatures.Names.Length], new float[SentenceFeatures.Names.Length]];
        float[] probabilities = [0.7f, 0.6f, 0.2f];
        var facts = new float[9];

        var copies = QuestionFeatures.Combine(facts, sentences, probabilities, [0, 0, 1]);
        var rivals = QuestionFeatures.Combine(facts, sentences, probabilities, [0, 1, 2]);

        Assert.Equal(QuestionFeatures.Names.Length, copies.Length);
        Assert.Equal(0.2f, copies[Second]);
        Assert.Equal(0.5f, copies[Margin], 1e-6f);
        Assert.Equal(0.6f, rivals[Second]);
        Assert.Equal(0f, QuestionFeatures.Combine(facts, sentences, probabilities, [3, 3, 3])[Second]);
    }

    private async Task<List<CandidateSentence>> CandidatesAsync(params string[] sentences)
    {
        var encoded = await fixture.Quantized.EncodeAsync(sentences, TestContext.Current.CancellationToken);
        return [.. sentences.Select((s, i) => new CandidateSentence(1, 0, i, s, "Title", string.Join(" ", sentences), encoded[i].Vector, double.NaN, encoded[i].Tokens))];
    }
}
