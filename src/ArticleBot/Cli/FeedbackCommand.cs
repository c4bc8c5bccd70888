using System.Text.Json;
using ArticleBot.Bot;
using ArticleBot.Channels;
using ArticleBot.Storage;
using ArticleBot.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleBot.Cli;

/// <summary>
/// <c>feedback export [--out FILE]</c>: the thumbs-down answers as question-file lines for <c>eval</c>, marked
/// <c>"review": true</c> (run and shown, not scored, until someone adds the right answer) with what the bot said.
/// </summary>
internal static class FeedbackCommand
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("--out", "--feedback");
        if (arguments.Positional is not ["export"])
        {
            throw new CommandLineException("Usage: feedback export [--out FILE] [--feedback FILE]");
        }

        using var host = EngineHost.Build(arguments);
        await using var database = arguments.Has("--feedback") ? null : await PostgresCommandStore.OpenAsync(host.Services.GetRequiredService<IConfiguration>(), cancellationToken);
        if (database is not null)
        {
            return await ExportAsync(arguments, new PostgresFeedbackStore(database, NullLogger<PostgresFeedbackStore>.Instance), output, cancellationToken);
        }

        var options = host.Services.GetRequiredService<IConfiguration>().GetSection(ChannelsOptions.SectionName).Get<ChannelsOptions>() ?? new ChannelsOptions();
        options.FeedbackPath = arguments.Get("--feedback") ?? options.FeedbackPath;
        using var store = new FeedbackStore(Options.Create(options), NullLogger<FeedbackStore>.Instance);
        if (arguments.Has("--feedback") && !File.Exists(store.Path))
        {
            throw new CommandLineException($"Feedback file '{store.Path}' does not exist.");
        }

        return await ExportAsync(arguments, store, output, cancellationToken);
    }

    private static async Task<int> ExportAsync(CommandLineArguments arguments, IFeedbackStore store, TextWriter output, CancellationToken cancellationToken)
    {
        var lines = (await ReadAllAsync(store, cancellationToken))
            .Where(f => f.Reaction == "dislike" && !string.IsNullOrWhiteSpace(f.Question))
            .DistinctBy(f => f.AnswerId)
            .Select(ToQuestionLine)
            .ToList();
        if (arguments.Get("--out") is { } path)
        {
            await File.WriteAllLinesAsync(path, lines, cancellationToken);
            await output.WriteLineAsync($"Wrote {lines.Count} thumbs-down questions from {store.Location} to {Path.GetFullPath(path)}");
        }
        else
        {
            foreach (var line in lines)
            {
                await output.WriteLineAsync(line);
            }
        }

        return 0;
    }

    private static async Task<IReadOnlyList<FeedbackEntry>> ReadAllAsync(IFeedbackStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReadAllAsync(cancellationToken);
        }
        catch (JsonException e)
        {
            // E.g. a last line cut short when the bot was stopped mid-write.
            throw new CommandLineException($"Feedback file '{store.Location}' has a line that is not a feedback entry: {e.Message}");
        }
    }

    internal static string ToQuestionLine(FeedbackEntry feedback) => JsonSerializer.Serialize(new
    {
        id = $"feedback-{feedback.AnswerId}",
        question = feedback.Question,
        answers = Array.Empty<string>(),
        evidence = "",
        answerable = true,
        review = true,
        note = new { botAnswer = feedback.Answer, comment = feedback.Comment, promptHash = feedback.PromptHash, channel = feedback.Channel, time = feedback.Time },
    });
}
