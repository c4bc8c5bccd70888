using System.Numerics.Tensors;
using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Retrieval;

public sealed class TokenVectorsTests(MiniLmEmbeddingGeneratorFixture fixture)
{
    private readonly MiniLmEmbeddingGenerator _generator = fixture.Quantized;

    [Fact]
    public async Task EncodeAsync_Texts_KeepsOnlyContentWordPiecesAndTheSamePooledVectors()
    {
        string[] texts = ["Who is the envoy?", "The envoy, Steve Witkoff, flew to Moscow on Tuesday.", "the of and ?"];

        var encoded = await _generator.EncodeAsync(texts, TestContext.Current.CancellationToken);
        var pooled = await _generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        // "envoy" alone: "who", "is", "the" and "?" ask or glue; [CLS] and [SEP] are not words.
        Assert.Equal(1, encoded[0].Tokens.Count);
        Assert.InRange(encoded[1].Tokens.Count, 6, 10);
        Assert.Equal(0, encoded[2].Tokens.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(1f, TensorPrimitives.CosineSimilarity(encoded[i].Vector, pooled[i].Vector.Span), 1e-4f);
        }
    }

    [Fact]
    public async Task RecallBy_SameTextParaphraseAndUnrelated_RanksThemInThatOrder()
    {
        var encoded = await _generator.EncodeAsync(
            ["Which city was Putin in when he spoke to reporters?", "Putin told journalists in Moscow on Friday that talks would go on.", "Bread prices rose in May as wheat harvests failed."],
            TestContext.Current.CancellationToken);
        var (question, evidence, unrelated) = (encoded[0].Tokens, encoded[1].Tokens, encoded[2].Tokens);

        Assert.Equal(1.0, question.RecallBy(question), 2);
        Assert.True(question.RecallBy(evidence) > question.RecallBy(unrelated) + 0.1, $"evidence {question.RecallBy(evidence):0.000}, unrelated {question.RecallBy(unrelated):0.000}");
        Assert.Equal(question.RecallBy(evidence, unrelated), Math.Max(question.RecallBy(evidence), question.RecallBy(unrelated)), 0.2);
        Assert.True(question.RecallBy(evidence, unrelated) >= question.RecallBy(evidence) - 1e-6);
    }

    [Fact]
    public async Task RecallBy_NoContentWordPieces_IsNaN()
    {
        var encoded = await _generator.EncodeAsync(["What is it?", "Putin spoke in Moscow."], TestContext.Current.CancellationToken);

        Assert.True(double.IsNaN(encoded[0].Tokens.RecallBy(encoded[1].Tokens)));
        Assert.True(double.IsNaN(encoded[1].Tokens.RecallBy(TokenVectors.Empty)));
    }

    [Fact]
    public async Task EncodeAsync_TextJustEmbeddedAlone_ReusesItsRun()
    {
        const string question = "When did the envoy arrive in Moscow?";
        var vector = (await _generator.GenerateAsync([question], cancellationToken: TestContext.Current.CancellationToken))[0].Vector;

        var first = (await _generator.EncodeAsync([question], TestContext.Current.CancellationToken))[0];
        var second = (await _generator.EncodeAsync([question], TestContext.Current.CancellationToken))[0];

        Assert.Same(first.Tokens, second.Tokens);
        Assert.Equal(1f, TensorPrimitives.CosineSimilarity(first.Vector, vector.Span), 1e-5f);
    }
}
