using ArticleBot.Storage;
using ArticleQa;
using Microsoft.Extensions.AI;

namespace ArticleBot.Cli;

/// <summary>
/// The deployment figures of <c>benchmark</c>: <c>--load CxT</c> (two instances under concurrent conversations,
/// Memory and PostgreSQL side by side) and <c>--scale N</c> (the shared index at N passages against 100,000), on the
/// PostgreSQL server of <c>--postgres</c> or ConnectionStrings:ArticleBot, in throwaway databases.
/// </summary>
internal static class DeploymentBenchmark
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var load = arguments.Get("--load") is { } l ? LoadBenchmark.Parse(l) : ((int, int)?)null;
        var scale = arguments.Has("--scale") ? arguments.GetInt("--scale", 1_000_000, 1_000, 10_000_000) : (int?)null;
        var work = Directory.CreateTempSubdirectory("articlebot-benchmark-");
        try
        {
            using var host = EngineHost.Build(arguments, new Dictionary<string, string?> { ["Index:Path"] = Path.Combine(work.FullName, "index") });
            var configured = host.Services.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.ConnectionStringName);
            var server = arguments.Get("--postgres") ?? (string.IsNullOrEmpty(configured) ? null : configured);
            if (load is { } shape)
            {
                await LoadBenchmark.RunAsync(output, arguments, shape, server, work.FullName, cancellationToken);
            }

            if (scale is { } size)
            {
                if (server is null)
                {
                    throw new CommandLineException("--scale needs a PostgreSQL server: --postgres \"Host=...;Username=...;Database=...\" (a throwaway database is created on it).");
                }

                var subset = PathResolver.ResolveExisting(Path.Combine("tests", "eval", "squad", "articles"));
                var sentences = await BenchmarkCommand.SentencesAsync(subset, cancellationToken);
                var embeddings = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
                await ScaleBenchmark.RunAsync(output, embeddings, sentences, size, server, work.FullName, cancellationToken);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return 0;
    }
}
