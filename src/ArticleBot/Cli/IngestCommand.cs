using System.CommandLine;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary><c>ingest</c>: bring the persisted index up to date with the articles folder, then print one summary line.</summary>
internal sealed class IngestCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("ingest", "Bring the index up to date with the articles folder (progress on a terminal, one summary line otherwise).");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = EngineHost.Build(parse, context);
            var library = host.Services.GetRequiredService<ArticleLibrary>();
            var result = await ProgressReporter.RunAsync("Embedding passages", context.Error, report =>
                library.SyncAsync(new Progress<IndexProgress>(p => report(p.Embedded, p.ToEmbed)), cancellationToken));
            await context.Out.WriteLineAsync($"Indexed {library.Folder} into {library.IndexPath}: {result}");
            return 0;
        });
        return command;
    }
}
