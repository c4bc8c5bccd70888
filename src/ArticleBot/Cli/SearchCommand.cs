using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ArticleBot.Channels;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary><c>search "query" [--json] [--top K] [--mode hybrid|dense|lexical]</c>: ranked passages with scores.</summary>
internal sealed class SearchCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("search", "Ranked passages with their scores, without answering.");
        var query = VerbOptions.Words(command, "query", "What to search for.", "search needs a query: search \"Moscow visit\"");
        var top = VerbOptions.WholeNumber("--top", "How many passages to print.", 5, 1, 100);
        var mode = VerbOptions.Mode();
        var json = VerbOptions.Flag("--json", "Print the passages as JSON.");
        command.Add(top);
        command.Add(mode);
        command.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = EngineHost.Build(parse, context);
            var hits = await host.Services.GetRequiredService<PassageRetriever>()
                .SearchAsync(parse.JoinedWords(query), parse.GetValue(top), mode: parse.GetValue(mode), cancellationToken: cancellationToken);
            await context.Out.WriteLineAsync(parse.GetValue(json) ? Json(hits) : Text(hits));
            return 0;
        });
        return command;
    }

    private static string Text(IReadOnlyList<RetrievedPassage> hits) => hits.Count == 0
        ? "No passages."
        : string.Join(Environment.NewLine, hits.Select((hit, i) => string.Create(
            CultureInfo.InvariantCulture,
            $"{i + 1}. {hit.Score:0.000}  {hit.Article.Title} [{hit.Passage.Id}, characters {hit.Passage.Start}-{hit.Passage.End}]{Environment.NewLine}   {CitationEntity.Truncate(hit.Passage.Text, 240)}")));

    private static string Json(IReadOnlyList<RetrievedPassage> hits) => JsonSerializer.Serialize(
        hits.Select((hit, i) => new
        {
            rank = i + 1,
            score = Math.Round(hit.Score, 4),
            articleId = hit.Article.Id,
            title = hit.Article.Title,
            passageId = hit.Passage.Id,
            start = hit.Passage.Start,
            end = hit.Passage.End,
            passage = hit.Passage.Text,
        }),
        AnswerJson.Options);
}
