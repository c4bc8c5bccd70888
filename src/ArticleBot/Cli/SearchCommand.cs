using System.Globalization;
using System.Text.Json;
using ArticleBot.Channels;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary><c>search "query" [--json] [--top K] [--mode hybrid|dense|lexical]</c>: ranked passages with scores.</summary>
internal static class SearchCommand
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("--json", "--top", "--mode");
        var query = string.Join(' ', arguments.Positional).Trim();
        if (query.Length == 0)
        {
            throw new CommandLineException("search needs a query: search \"Moscow visit\"");
        }

        var top = arguments.GetInt("--top", 5, 1, 100);
        var mode = ParseMode(arguments.Get("--mode"));
        using var host = EngineHost.Build(arguments);
        var hits = await host.Services.GetRequiredService<PassageRetriever>().SearchAsync(query, top, mode: mode, cancellationToken: cancellationToken);
        await output.WriteLineAsync(arguments.Has("--json") ? Json(hits) : Text(hits));
        return 0;
    }

    internal static RetrievalMode ParseMode(string? value) =>
        value is null ? RetrievalMode.Hybrid
        : Enum.TryParse<RetrievalMode>(value, ignoreCase: true, out var mode) ? mode
        : throw new CommandLineException($"Option --mode '{value}' is not one of hybrid, dense, lexical.");

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
