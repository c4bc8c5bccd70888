using System.Diagnostics;
using ArticleQa.Articles;
using Microsoft.Extensions.AI;

namespace ArticleQa.Retrieval;

/// <summary>
/// Query latency and memory of the index at a given size, on synthetic passages (real sentences, random unit vectors:
/// scoring cost does not depend on the vector values). Prints nothing; the <c>benchmark</c> command shows the figures.
/// </summary>
public static class RetrievalBenchmark
{
    /// <summary>Builds an index file of <paramref name="passageCount"/> synthetic passages in <paramref name="folder"/>, loads it and times queries.</summary>
    public static async Task<RetrievalLatency> MeasureAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        IReadOnlyList<string> sentences,
        IReadOnlyList<string> questions,
        int passageCount,
        string folder,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        ArgumentNullException.ThrowIfNull(questions);
        var dimensions = (await embeddings.GenerateAsync(["probe"], cancellationToken: cancellationToken))[0].Vector.Length;
        var path = Path.Combine(folder, $"synthetic-{passageCount}.idx");
        var build = Stopwatch.StartNew();
        var articles = SyntheticArticles(sentences, passageCount, dimensions);
        IndexFile.Write(path, new IndexManifest(IndexManifest.CurrentFormatVersion, "synthetic", dimensions, 0, 0, 0, 0, articles.Select(a => a.Info).ToList(), articles.Select(a => a.Passages.Count).ToList()), articles);
        var buildMs = build.Elapsed.TotalMilliseconds;
        articles = null;
        var before = SettledMemory();
        using var index = IndexFile.Read(path);
        var indexBytes = SettledMemory() - before;
        GC.KeepAlive(index);
        var latencies = await TimeQueriesAsync(embeddings, index, questions, cancellationToken);
        using var process = Process.GetCurrentProcess();
        return new RetrievalLatency(passageCount, buildMs, new FileInfo(path).Length / 1e6, indexBytes / 1e6, process.WorkingSet64 / 1e6, Percentile(latencies, 0.5), Percentile(latencies, 0.95));
    }

    private static async Task<List<double>> TimeQueriesAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings, PassageIndex index, IReadOnlyList<string> questions, CancellationToken cancellationToken)
    {
        var request = new SearchRequest(TopK: 5);
        var latencies = new List<double>();
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            var watch = Stopwatch.StartNew();
            var vector = (await embeddings.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
            index.Search(question, vector.Span, request);
            if (i >= 5)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        latencies.Sort();
        return latencies;
    }

    private static List<IndexedArticle> SyntheticArticles(IReadOnlyList<string> sentences, int passageCount, int dimensions)
    {
        var random = new Random(42);
        var articles = new List<IndexedArticle>();
        var next = 0;
        for (var a = 0; a * 10 < passageCount; a++)
        {
            var id = $"synthetic/{a}";
            var passages = Enumerable.Range(0, Math.Min(10, passageCount - (a * 10))).Select(ordinal =>
            {
                // The passage's first sentence in turn, so every sentence is in some passage; the other four at random,
                // so that passages sharing a sentence differ (taken all in turn, the few hundred copies of each passage
                // text would let a question's candidates share their sentences, and the Local model's and the ranker's
                // sentence encoding look cheaper than on real articles).
                var text = string.Join(' ', Enumerable.Range(0, 5).Select(k => sentences[k == 0 ? next++ % sentences.Count : random.Next(sentences.Count)]));
                var (values, scale) = QuantizedVectors.Quantize(RandomUnitVector(random, dimensions));
                return new IndexedPassage(new Passage(id, ordinal, 0, text.Length, text), values, scale);
            }).ToList();
            articles.Add(new IndexedArticle(new ArticleInfo(id, $"Synthetic article {a}", id, "hash"), passages));
        }

        return articles;
    }

    /// <summary>A random unit vector (synthetic passages: scoring cost does not depend on the values).</summary>
    public static float[] RandomUnitVector(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)((random.NextDouble() * 2) - 1)).ToArray();
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / norm).ToArray();
    }

    /// <summary>Live managed bytes after a full collection: the index is all managed arrays, so the difference before
    /// and after loading it is what it keeps resident (the process working set keeps pages the GC has freed).</summary>
    public static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// The nearest-rank value at quantile <paramref name="p"/> of an ascending list (0 when empty): the one percentile
    /// every benchmark and <c>eval</c> report.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
