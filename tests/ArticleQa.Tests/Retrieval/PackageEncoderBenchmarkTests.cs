using ArticleQa.Retrieval;

namespace ArticleQa.Tests.Retrieval;

public sealed class PackageEncoderBenchmarkTests(MiniLmEmbeddingGeneratorFixture fixture)
{
    private static readonly string[] _passages =
    [
        "The Normans gave their name to Normandy, a region in northern France.",
        "Packet switching groups transmitted data into packets sent over a shared network.",
        "The Black Death was one of the most devastating pandemics in human history.",
    ];

    [Fact]
    public async Task RunAsync_Passages_VectorsAgreeWithThePackagesEncoder()
    {
        var result = await PackageEncoderBenchmark.RunAsync(fixture.Quantized, _passages, TestContext.Current.CancellationToken);

        // Both sides embed the same model's output; ours runs int8 weights, the package the float model.
        Assert.Equal(_passages.Length, result.Passages);
        Assert.InRange(result.MinCosine, 0.97, 1.0001);
        Assert.InRange(result.MeanCosine, result.MinCosine, 1.0001);
        Assert.True(double.IsFinite(result.SingleRatio) && result.SingleRatio > 0);
        Assert.True(double.IsFinite(result.BatchedRatio) && result.BatchedRatio > 0);
    }

    [Fact]
    public async Task RunAsync_NoPassages_ThrowsArgumentOutOfRangeException()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => PackageEncoderBenchmark.RunAsync(fixture.Quantized, [], TestContext.Current.CancellationToken));
    }
}
