using System.CommandLine;
using ArticleBot.Storage;
using ArticleQa;
using Microsoft.Extensions.AI;

namespace ArticleBot.Cli;

/// <summary>
/// The deployment figures of <c>benchmark</c>: <c>--load CxT</c> (two instances under concurrent conversations,
/// Memory and PostgreSQL side by side) and <c>--scale N</c> (the shared index at N passages against 100,000), on the
/// PostgreSQL server of <c>--postgres</c> or ConnectionStrings:ArticleBot, in throwaway databases.
/// </summary>
internal sealed class DeploymentBenchmark
{
    private readonly Option<string> _load = VerbOptions.Text("--load", "CxT", "Instead: C concurrent conversations of T turns against two instances (e.g. 50x10), Memory and PostgreSQL.");
    private readonly Option<int?> _scale = new("--scale") { Description = "Instead: the shared PostgreSQL index at N synthetic passages, next to 100,000.", HelpName = "N" };
    private readonly Option<string> _postgres = VerbOptions.Text("--postgres", "CONNECTION", "PostgreSQL server for --load and --scale (default: ConnectionStrings:ArticleBot); throwaway databases are created on it.");

    public static DeploymentBenchmark AddOptions(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var benchmark = new DeploymentBenchmark();
        command.Add(benchmark._load);
        command.Add(benchmark._scale);
        command.Add(benchmark._postgres);
        return benchmark;
    }

    public bool Requested(ParseResult parse) => parse.GetValue(_load) is not null || parse.GetValue(_scale) is not null;

    public async Task<int> RunAsync(ParseResult parse, VerbContext context, CancellationToken cancellationToken)
    {
        var load = parse.GetValue(_load) is { } l ? LoadBenchmark.Parse(l) : ((int, int)?)null;
        var scale = parse.GetValue(_scale);
        if (scale is < 1_000 or > 10_000_000)
        {
            throw new CommandLineException($"Option --scale '{scale}' must be between 1000 and 10000000.");
        }

        var work = Directory.CreateTempSubdirectory("articlebot-benchmark-");
        try
        {
            using var host = EngineHost.Build(parse, context, new Dictionary<string, string?> { ["Index:Path"] = Path.Combine(work.FullName, "index") });
            var configured = host.Services.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.ConnectionStringName);
            var server = parse.GetValue(_postgres) ?? (string.IsNullOrEmpty(configured) ? null : configured);
            if (load is { } shape)
            {
                await LoadBenchmark.RunAsync(context.Out, CommonOptions.Overrides(parse, context), shape, server, work.FullName, cancellationToken);
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
                await ScaleBenchmark.RunAsync(context.Out, embeddings, sentences, size, server, work.FullName, cancellationToken);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }

        return 0;
    }
}
