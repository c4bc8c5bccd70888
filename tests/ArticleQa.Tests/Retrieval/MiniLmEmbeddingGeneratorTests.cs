using System.Numerics.Tensors;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;

namespace ArticleQa.Tests.Retrieval;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmEmbeddingGeneratorFixture fixture)
{
    private const float Tolerance = 1e-4f;

    private static readonly string[] _texts =
    [
        "Witkoff will travel to Moscow next week.",
        "The price of bread rose in May, the statistics office said on Tuesday, as wheat harvests across Europe were "
            + "hit by the driest spring in decades and bakers passed higher energy costs on to their customers.",
        "Steve Witkoff is going to Moscow",
        "Rain.",
        "The central bank kept interest rates unchanged.",
        "Café owners in Zürich complained about the new rules for outdoor seating, which they say will cost them "
            + "a third of their summer trade.",
        "Who won the match?",
    ];

    private readonly MiniLmEmbeddingGenerator _generator = fixture.Quantized;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GenerateAsync_Texts_ReturnsUnitVectorsOf384Dimensions(bool quantized)
    {
        var embeddings = await fixture.Get(quantized).GenerateAsync(_texts, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(_texts.Length, embeddings.Count);
        Assert.All(embeddings, embedding =>
        {
            Assert.Equal(384, embedding.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), Tolerance);
            Assert.Equal("all-MiniLM-L6-v2", embedding.ModelId);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GenerateAsync_ParaphraseAndUnrelatedSentence_ParaphraseScoresHigher(bool quantized)
    {
        string[] texts = ["Witkoff will travel to Moscow next week", "Steve Witkoff is going to Moscow", "The price of bread rose in May"];

        var embeddings = await fixture.Get(quantized).GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        var paraphrase = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[2].Vector.Span);
        Assert.True(paraphrase > unrelated + 0.3f, $"paraphrase {paraphrase}, unrelated {unrelated}");
        Assert.True(paraphrase > 0.6f, $"paraphrase {paraphrase}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GenerateAsync_SeveralTexts_EqualsSingleTextsInInputOrder(bool quantized)
    {
        var generator = fixture.Get(quantized);

        var embeddings = await generator.GenerateAsync(_texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < _texts.Length; i++)
        {
            AssertClose(generator.Embed(_texts[i]), embeddings[i].Vector.Span);
        }
    }

    [Fact]
    public async Task GenerateAsync_Quantized_StaysCloseToOriginalModel()
    {
        var quantized = await fixture.Quantized.GenerateAsync(_texts, cancellationToken: TestContext.Current.CancellationToken);
        var original = await fixture.Original.GenerateAsync(_texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < _texts.Length; i++)
        {
            var similarity = TensorPrimitives.CosineSimilarity(original[i].Vector.Span, quantized[i].Vector.Span);
            Assert.True(similarity > 0.97f, $"text {i}: cosine {similarity}");
        }
    }

    [Fact]
    public async Task GenerateAsync_QuantizedPaddedBatches_MatchSingleTexts()
    {
        // Texts of very different lengths in runs of four: the short ones are padded, and the quantized model's
        // attention must ignore the padding as the original's does. Only the activations' quantization scale depends
        // on the batch (one scale per run, set by its largest values), so the vectors stay close to the single-text
        // ones (0.985 to 1 here).
        using var batched = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { BatchSize = 4 });
        string[] texts = [.. _texts, string.Join(' ', Enumerable.Repeat(_texts[0], 6)), "Normandy."];

        var embeddings = await batched.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            var similarity = TensorPrimitives.CosineSimilarity(fixture.Quantized.Embed(texts[i]), embeddings[i].Vector.Span);
            Assert.True(similarity > 0.98f, $"text {i}: cosine {similarity}");
        }
    }

    [Fact]
    public async Task GenerateAsync_OneText_EqualsEmbed()
    {
        var embeddings = await _generator.GenerateAsync([_texts[0]], cancellationToken: TestContext.Current.CancellationToken);

        AssertClose(_generator.Embed(_texts[0]), embeddings[0].Vector.Span);
    }

    [Fact]
    public async Task GenerateAsync_NoTexts_ReturnsNoEmbeddings()
    {
        var embeddings = await _generator.GenerateAsync([], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(embeddings);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public async Task GenerateAsync_CancelledToken_ThrowsOperationCanceledException(int count)
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _generator.GenerateAsync(_texts.Take(count), cancellationToken: cancellation.Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n ")]
    public async Task GenerateAsync_BlankText_ThrowsArgumentException(string blank)
    {
        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => _generator.GenerateAsync(["A real sentence.", blank], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Text 1", exception.Message, StringComparison.Ordinal);
        Assert.Equal("values", exception.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Embed_BlankText_ThrowsArgumentException(string blank)
    {
        var exception = Assert.Throws<ArgumentException>(() => _generator.Embed(blank));

        Assert.Equal("text", exception.ParamName);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GenerateAsync_ConcurrentCallers_MatchSequentialResults(bool quantized)
    {
        var generator = fixture.Get(quantized);
        var expected = _texts.Select(generator.Embed).ToList();

        var batches = Enumerable.Range(0, 6).Select(_ => Task.Run(
            () => generator.GenerateAsync(_texts, cancellationToken: TestContext.Current.CancellationToken)));
        var singles = _texts.Select(text => Task.Run(() => generator.Embed(text)));
        var batchResults = await Task.WhenAll(batches);
        var singleResults = await Task.WhenAll(singles);

        Assert.All(batchResults, embeddings =>
        {
            for (var i = 0; i < _texts.Length; i++)
            {
                AssertClose(expected[i], embeddings[i].Vector.Span);
            }
        });
        for (var i = 0; i < _texts.Length; i++)
        {
            AssertClose(expected[i], singleResults[i]);
        }
    }

    [Fact]
    public void Embed_TextLongerThan256WordPieces_IgnoresTheRest()
    {
        var longText = string.Join(' ', Enumerable.Repeat(_texts[1], 10));

        var vector = _generator.Embed(longText);

        Assert.Equal(256, MiniLmEmbeddingGenerator.CountWordPieces(longText));
        AssertClose(vector, _generator.Embed(longText + " An entirely different ending about football."));
    }

    [Fact]
    public void CountWordPieces_ShortText_CountsClsAndSep()
    {
        Assert.Equal(2 + 4, MiniLmEmbeddingGenerator.CountWordPieces("Who won the match"));
    }

    [Fact]
    public async Task GenerateAsync_OtherDimensions_ThrowsNotSupportedException()
    {
        var options = new EmbeddingGenerationOptions { Dimensions = 1536 };

        await Assert.ThrowsAsync<NotSupportedException>(
            () => _generator.GenerateAsync(["Hello"], options, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Metadata_Always_NamesModelAndDimensions()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Same(_generator.Metadata, metadata);
        Assert.StartsWith("all-MiniLM-L6-v2", metadata?.DefaultModelId, StringComparison.Ordinal);
        Assert.Equal(384, metadata?.DefaultModelDimensions);
    }

    [Theory]
    [InlineData(true, "all-MiniLM-L6-v2-int8")]
    [InlineData(false, "all-MiniLM-L6-v2")]
    public void Metadata_Quantized_IsAnotherModelToTheIndex(bool quantize, string expected)
    {
        using var generator = new MiniLmEmbeddingGenerator(new MiniLmEmbeddingOptions { Quantize = quantize });

        Assert.Equal(expected, generator.Metadata.DefaultModelId);
    }

    [Fact]
    public void Embed_AfterDispose_ThrowsObjectDisposedException()
    {
        var generator = new MiniLmEmbeddingGenerator();
        generator.Dispose();

        Assert.Throws<ObjectDisposedException>(() => generator.Embed("Hello"));
    }

    private static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var d = 0; d < expected.Length; d++)
        {
            Assert.Equal(expected[d], actual[d], Tolerance);
        }
    }
}
