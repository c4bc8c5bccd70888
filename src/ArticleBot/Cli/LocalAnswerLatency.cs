using System.Globalization;
using ArticleQa.Answering;
using ArticleQa.Ranking;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ArticleBot.Cli;

/// <summary>The benchmark's Local answer latency section: question to answer at each size, beside retrieval alone (printed above it).</summary>
internal static class LocalAnswerLatency
{
    public static async Task PrintAsync(TextWriter output, IServiceProvider services, IReadOnlyList<string> sentences, IReadOnlyList<int> sizes, string folder, CancellationToken cancellationToken)
    {
        var embeddings = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var options = services.GetRequiredService<IOptions<AnsweringOptions>>().Value;
        var retrieval = services.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var questions = sentences.Where((_, i) => i % 7 == 3).Take(105).Select(s => string.Join(' ', s.Split(' ').Take(9)) + "?").ToList();
        foreach (var size in sizes)
        {
            var (p50, p95) = await LocalAnswerBenchmark.MeasureAsync(embeddings, options, Path.Combine(folder, $"synthetic-{size}.idx"), questions, retrieval, services.GetRequiredService<IPassageReranker>(), services.GetRequiredService<SentenceMatches>().Clear, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Local answer at {size:N0} passages (synthetic, sentence vectors not cached, {(retrieval.Rerank ? "reranked" : "fused")} top {retrieval.TopK}): question to answer p50 {p50:0.0} ms, p95 {p95:0.0} ms"));
        }
    }
}
