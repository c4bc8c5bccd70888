using ArticleBot.Storage.Postgres;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary><c>ingest</c>: bring the persisted index up to date with the articles folder, then print one summary line.</summary>
internal static class IngestCommand
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly();
        using var host = EngineHost.Build(arguments);
        var library = host.Services.GetRequiredService<ArticleLibrary>();
        await using var database = await PostgresCommandStore.OpenAsync(host.Services.GetRequiredService<IConfiguration>(), cancellationToken);
        if (database is not null)
        {
            var (shared, version) = await ProgressReporter.RunAsync("Embedding passages", Console.Error, report =>
                PostgresCommandStore.IngestAsync(database, library, new Progress<IndexProgress>(p => report(p.Embedded, p.ToEmbed)), cancellationToken));
            await output.WriteLineAsync($"Indexed {library.Folder} into the shared index in {database.MaskedConnectionString} (version {version}): {shared}");
            return 0;
        }

        var result = await ProgressReporter.RunAsync("Embedding passages", Console.Error, report =>
            library.SyncAsync(new Progress<IndexProgress>(p => report(p.Embedded, p.ToEmbed)), cancellationToken));
        await output.WriteLineAsync($"Indexed {library.Folder} into {library.IndexPath}: {result}");
        return 0;
    }
}
