using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace ArticleQa.Retrieval;

/// <summary>
/// Measures an embedding generator: passage throughput, memory and question latency. Prints nothing; a CLI command
/// shows the <see cref="EmbeddingBenchmarkResult"/>.
/// </summary>
public static class EmbeddingBenchmark
{
    private const int WarmUpPassages = 8;
    private const int Queries = 50;
    private const int QueryWords = 10;

    /// <summary>
    /// Embeds <paramref name="texts"/> once untimed (a few of them, to load the model) and then all of them in one
    /// timed call; then embeds, one at a time, 50 questions made of the first words of the passages.
    /// </summary>
    public static Task<EmbeddingBenchmarkResult> RunAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        RunAsync(generator, texts, TimeProvider.System, cancellationToken);

    /// <summary>The same, with times read from <paramref name="time"/> (tests give a fake clock).</summary>
    public static async Task<EmbeddingBenchmarkResult> RunAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfZero(texts.Count);

        await generator.GenerateAsync(texts.Take(WarmUpPassages), cancellationToken: cancellationToken);
        var started = time.GetTimestamp();
        await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        var elapsed = time.GetElapsedTime(started);
        var latencies = await MeasureQueriesAsync(generator, texts, time, cancellationToken);

        using var process = Process.GetCurrentProcess();
        return new EmbeddingBenchmarkResult(
            texts.Count,
            texts.Count / elapsed.TotalSeconds,
            texts.Average(MiniLmEmbeddingGenerator.CountWordPieces),
            process.PeakWorkingSet64 / 1e6,
            elapsed.TotalMilliseconds,
            RetrievalBenchmark.Percentile(latencies, 0.50),
            RetrievalBenchmark.Percentile(latencies, 0.95));
    }

    /// <summary>
    /// <paramref name="count"/> deterministic passages of about <paramref name="wordPieces"/> all-MiniLM-L6-v2
    /// word-pieces each (within half a sentence), made by taking <paramref name="sentences"/> in turn: real English
    /// keeps the figures honest.
    /// </summary>
    public static IReadOnlyList<string> CreatePassages(IReadOnlyList<string> sentences, int count, int wordPieces = 160)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfZero(sentences.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(wordPieces, 3);

        var passages = new List<string>(count);
        var next = 0;
        for (var p = 0; p < count; p++)
        {
            var passage = new List<string>();
            var pieces = 2;
            while (true)
            {
                var sentence = sentences[next % sentences.Count];
                var added = Math.Max(1, MiniLmEmbeddingGenerator.CountWordPieces(sentence) - 2);

                // Stop at whichever side of the target is nearer, so that the mean stays close to it.
                if (passage.Count > 0 && pieces + added - wordPieces > wordPieces - pieces)
                {
                    break;
                }

                passage.Add(sentence);
                pieces += added;
                next++;
            }

            passages.Add(string.Join(' ', passage));
        }

        return passages;
    }

    private static async Task<double[]> MeasureQueriesAsync(
        IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, TimeProvider time, CancellationToken cancellationToken)
    {
        var latencies = new double[Queries];
        for (var q = 0; q < Queries; q++)
        {
            var words = texts[q % texts.Count].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var question = string.Join(' ', words.Take(QueryWords)) + "?";
            var started = time.GetTimestamp();
            await generator.GenerateAsync([question], cancellationToken: cancellationToken);
            latencies[q] = time.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(latencies);
        return latencies;
    }
}
