using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ArticleBot.Cli.Benchmarks;
using ArticleQa.Text;
using ArticleQa;
using ArticleQa.Articles;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;

namespace ArticleBot.Cli;

/// <summary>
/// <c>benchmark [--squad dev-v1.1.json] [--embed N] [--sizes 10000,100000]</c>: prints embedding throughput and memory,
/// index build time, retrieval quality (hybrid, dense-only, lexical-only) on the in-repo SQuAD subset and, given its
/// path, on the whole SQuAD dev set, and query latency p50/p95 with index memory at each size. Figures only, no verdicts.
/// </summary>
internal sealed class BenchmarkCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("benchmark", "Print embedding speed and memory, index build time, retrieval quality and query latency. Figures only.");
        var squad = VerbOptions.Text("--squad", "FILE", "Also measure retrieval on this whole SQuAD v1.1 dev file (dev-v1.1.json).");
        var embed = VerbOptions.WholeNumber("--embed", "How many passages to embed for the throughput figure.", 320, 16, 100_000);
        var sizes = new Option<IReadOnlyList<int>>("--sizes")
        {
            // The default goes in the description: System.CommandLine would print a list default as "10000|100000".
            Description = "Synthetic index sizes (passages) for the latency figures, comma-separated. [default: 10000,100000]",
            HelpName = "N,N",
            CustomParser = ParseSizes,
        };
        command.Add(squad);
        command.Add(embed);
        command.Add(sizes);
        var deployment = DeploymentBenchmark.AddOptions(command);
        command.SetAction((parse, cancellationToken) => deployment.Requested(parse) ? deployment.RunAsync(parse, context, cancellationToken) : RunAsync(parse, context, parse.GetValue(squad), parse.GetValue(embed), parse.GetValue(sizes) ?? DefaultSizes, cancellationToken));
        return command;
    }

    private static readonly int[] DefaultSizes = [10_000, 100_000];

    private static IReadOnlyList<int> ParseSizes(System.CommandLine.Parsing.ArgumentResult result)
    {
        var sizes = new List<int>();
        foreach (var size in result.Tokens[^1].Value.Split(','))
        {
            if (!int.TryParse(size, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                result.AddError($"Option --sizes '{size}' is not a positive whole number.");
                return [];
            }

            sizes.Add(n);
        }

        return sizes;
    }

    private static async Task<int> RunAsync(ParseResult parse, VerbContext context, string? squadPath, int embedCount, IReadOnlyList<int> sizes, CancellationToken cancellationToken)
    {
        var output = context.Out;
        if (squadPath is not null && !File.Exists(squadPath))
        {
            throw new CommandLineException($"--squad: file '{squadPath}' does not exist.");
        }

        var subset = PathResolver.ResolveExisting(Path.Combine("tests", "eval", "squad"));
        var work = Directory.CreateTempSubdirectory("articlebot-benchmark-");
        try
        {
            using var host = EngineHost.Build(parse, context, new Dictionary<string, string?> { ["Index:Path"] = Path.Combine(work.FullName, "index") });
            var embeddings = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            var sentences = await SentencesAsync(Path.Combine(subset, "articles"), cancellationToken);
            await EmbeddingAsync(output, embeddings, sentences, embedCount, cancellationToken);
            await QualityAsync(context, parse, "in-repo SQuAD subset", Path.Combine(subset, "articles"), (await QuestionFile.ReadAsync(Path.Combine(subset, "questions.jsonl"), cancellationToken)).Questions, work, cancellationToken);
            if (squadPath is not null)
            {
                var folder = Path.Combine(work.FullName, "squad-dev");
                var questions = await SquadDataset.ConvertAsync(squadPath, folder, cancellationToken);
                await QualityAsync(context, parse, "whole SQuAD dev set", folder, questions, work, cancellationToken);
            }

            await LatencyAsync(output, embeddings, sentences, sizes, work.FullName, cancellationToken);
            await LocalAnswerLatency.PrintAsync(output, host.Services, sentences, sizes, work.FullName, cancellationToken);
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task EmbeddingAsync(TextWriter output, IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<string> sentences, int count, CancellationToken cancellationToken)
    {
        var passages = EmbeddingBenchmark.CreatePassages(sentences, count);
        var result = await EmbeddingBenchmark.RunAsync(embeddings, passages, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Embedding ({embeddings.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId}): {result.Passages} passages of {result.MeanWordPieces:0} word-pieces: {result.PassagesPerSecond:0.0} passages/s, peak memory {result.PeakWorkingSetMb:0} MB; one question {result.QueryP50Ms:0.0} ms p50, {result.QueryP95Ms:0.0} ms p95"));
        await PeerBenchmarks.EncoderAsync(output, embeddings, passages, cancellationToken);
    }

    private static async Task QualityAsync(VerbContext context, ParseResult parse, string name, string articles, IReadOnlyList<EvalQuestion> questions, DirectoryInfo work, CancellationToken cancellationToken)
    {
        var overrides = new Dictionary<string, string?> { ["Articles:Path"] = articles, ["Index:Path"] = Path.Combine(work.FullName, "index-" + Path.GetFileName(articles)) };
        using var host = EngineHost.Build(parse, context, overrides);
        var library = host.Services.GetRequiredService<ArticleLibrary>();
        var build = Stopwatch.StartNew();
        var output = context.Out;
        var built = await ProgressReporter.RunAsync($"Indexing {name}", context.Error, report => library.SyncAsync(new Progress<IndexProgress>(p => report(p.Embedded, p.ToEmbed)), cancellationToken));
        var buildSeconds = build.Elapsed.TotalSeconds;
        var resync = Stopwatch.StartNew();
        await library.SyncAsync(null, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Index build, {name}: {built.Articles} articles, {built.Passages} passages in {buildSeconds:0.0} s ({built.Passages / buildSeconds:0.0} passages/s); re-sync with nothing changed {resync.Elapsed.TotalMilliseconds:0} ms"));
        var retriever = host.Services.GetRequiredService<PassageRetriever>();
        foreach (var mode in Enum.GetValues<RetrievalMode>())
        {
            var evaluation = await RetrievalEvaluator.EvaluateAsync(questions, (q, k, token) => retriever.SearchAsync(q, k, mode: mode, cancellationToken: token), cancellationToken: cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {mode,-8} {evaluation.QuestionCount} questions: recall@1 {evaluation.RecallAt1:0.000}  recall@5 {evaluation.RecallAt5:0.000}  recall@10 {evaluation.RecallAt10:0.000}  MRR@10 {evaluation.MrrAt10:0.000}"));
        }

        await PeerBenchmarks.LexicalAsync(output, await library.GetIndexAsync(cancellationToken), questions, cancellationToken);
    }

    private static async Task LatencyAsync(TextWriter output, IEmbeddingGenerator<string, Embedding<float>> embeddings, IReadOnlyList<string> sentences, IReadOnlyList<int> sizes, string folder, CancellationToken cancellationToken)
    {
        var questions = sentences.Where((_, i) => i % 7 == 0).Take(205).Select(s => string.Join(' ', s.Split(' ').Take(9)) + "?").ToList();
        foreach (var size in sizes)
        {
            var latency = await RetrievalBenchmark.MeasureAsync(embeddings, sentences, questions, size, folder, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Retrieval at {latency.Passages:N0} passages (synthetic): question embedding + hybrid search p50 {latency.P50Ms:0.0} ms, p95 {latency.P95Ms:0.0} ms; index {latency.IndexResidentMb:0} MB resident ({latency.FileMb:0} MB file, built in {latency.BuildMs / 1000:0.0} s); process {latency.ProcessResidentMb:0} MB"));
        }
    }

    internal static async Task<IReadOnlyList<string>> SentencesAsync(string folder, CancellationToken cancellationToken)
    {
        var sentences = new List<string>();
        foreach (var file in ArticleLoader.ArticleFiles(folder))
        {
            var article = ArticleLoader.Load(file, folder);
            sentences.AddRange(SentenceSplitter.Split(article.Text).Select(s => s.Of(article.Text)).Where(s => s.Split(' ').Length >= 6));
            cancellationToken.ThrowIfCancellationRequested();
        }

        await Task.CompletedTask;
        return sentences;
    }
}
