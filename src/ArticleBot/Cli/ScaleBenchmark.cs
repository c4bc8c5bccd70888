using System.Diagnostics;
using System.Globalization;
using ArticleBot.Storage.Postgres;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;

namespace ArticleBot.Cli;

/// <summary>
/// <c>benchmark --scale 1000000 --postgres CONNECTION</c>: per size (100,000 first, then the one asked for) builds
/// synthetic passages (real sentences, random unit vectors) into a throwaway PostgreSQL database, loads the replica an
/// instance would load at start (no embedding) and prints its load time, the index's resident memory and question
/// embedding + hybrid search p50/p95. Figures only.
/// </summary>
internal static class ScaleBenchmark
{
    private const int PassagesPerArticle = 10;

    public static async Task RunAsync(TextWriter output, IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<string> sentences, int size, string server, string folder, CancellationToken cancellationToken)
    {
        var dimensions = (await embeddings.GenerateAsync(["probe"], cancellationToken: cancellationToken))[0].Vector.Length;
        var questions = sentences.Where((_, i) => i % 7 == 0).Take(205).Select(s => string.Join(' ', s.Split(' ').Take(9)) + "?").ToList();
        var vectors = (await embeddings.GenerateAsync(questions, cancellationToken: cancellationToken)).Select(e => e.Vector.ToArray()).ToList();
        foreach (var n in new[] { Math.Min(100_000, size), size }.Distinct())
        {
            await using var database = await BenchmarkDatabase.CreateAsync(server, cancellationToken);
            var store = new PostgresIndexStore(database.Database);
            var build = Stopwatch.StartNew();
            using (var built = Build(sentences, n, dimensions, Path.Combine(folder, $"scale-build-{n}.idx")))
            {
                await store.PublishAsync(built, cancellationToken);
            }

            var buildSeconds = build.Elapsed.TotalSeconds;
            var before = RetrievalBenchmark.SettledMemory();
            var load = Stopwatch.StartNew();
            var (index, _) = (await store.LoadAsync(Path.Combine(folder, $"scale-replica-{n}.idx"), cancellationToken))!.Value;
            var loadSeconds = load.Elapsed.TotalSeconds;
            using (index)
            {
                var residentMb = (RetrievalBenchmark.SettledMemory() - before) / 1e6;
                var latencies = await TimeAsync(embeddings, index, questions, vectors, cancellationToken);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Scale, {n:N0} synthetic passages in PostgreSQL (written in {buildSeconds:0.0} s): replica load {loadSeconds:0.0} s, index {residentMb:0} MB resident; question embedding + hybrid search p50 {RetrievalBenchmark.Percentile(latencies, 0.5):0.0} ms, p95 {RetrievalBenchmark.Percentile(latencies, 0.95):0.0} ms"));
            }
        }
    }

    private static PassageIndex Build(IReadOnlyList<string> sentences, int count, int dimensions, string path)
    {
        var random = new Random(42);
        var articles = new List<TransferArticle>();
        var next = 0;
        for (var a = 0; a * PassagesPerArticle < count; a++)
        {
            var id = $"synthetic/{a}";
            var passages = Enumerable.Range(0, Math.Min(PassagesPerArticle, count - (a * PassagesPerArticle))).Select(ordinal =>
            {
                var text = string.Join(' ', Enumerable.Range(0, 5).Select(_ => sentences[next++ % sentences.Count]));
                var (values, scale) = IndexTransfer.Quantize(RetrievalBenchmark.RandomUnitVector(random, dimensions));
                return new TransferPassage(ordinal, 0, text.Length, text, values, scale);
            }).ToList();
            articles.Add(new TransferArticle(new ArticleInfo(id, $"Synthetic article {a}", id, $"hash-{a}"), passages));
        }

        var terms = IndexTerms.Analyze(articles.SelectMany(a => a.Passages).Select(p => p.Text).ToList());
        return IndexTransfer.WriteAndOpen(path, IndexTransfer.Settings("synthetic", dimensions), articles, terms);
    }

    private static async Task<List<double>> TimeAsync(IEmbeddingGenerator<string, Embedding<float>> embeddings, PassageIndex index, IReadOnlyList<string> questions, IReadOnlyList<float[]> warm, CancellationToken cancellationToken)
    {
        var request = new SearchRequest(TopK: 5);
        index.Search(questions[0], warm[0], request);
        var latencies = new List<double>();
        foreach (var question in questions)
        {
            var watch = Stopwatch.StartNew();
            var vector = (await embeddings.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector;
            index.Search(question, vector.Span, request);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        return latencies;
    }
}
