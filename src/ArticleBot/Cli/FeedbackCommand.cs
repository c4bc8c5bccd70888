using System.CommandLine;
using System.Text.Json;
using ArticleBot.Bot;
using ArticleBot.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ArticleBot.Cli;

/// <summary>
/// <c>feedback export [--out FILE]</c>: the thumbs-down answers as question-file lines for <c>eval</c>, marked
/// <c>"review": true</c> (run and shown, not scored, until someone adds the right answer) with what the bot said.
/// </summary>
internal sealed class FeedbackCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var export = new Command("export", "Print (or write) the thumbs-down answers as eval question lines, marked for review.");
        var outPath = VerbOptions.Text("--out", "FILE", "Write the lines to FILE instead of standard output.");
        var feedback = VerbOptions.Text("--feedback", "FILE", "The feedback file to read (default: Channels:FeedbackPath).");
        export.Add(outPath);
        export.Add(feedback);
        export.SetAction((parse, cancellationToken) => ExportAsync(parse, context, parse.GetValue(feedback), parse.GetValue(outPath), cancellationToken));
        var command = new Command("feedback", "Work with the feedback users gave on answers.") { export };
        command.SetAction(new Func<ParseResult, int>(_ => throw new CommandLineException("feedback needs a subcommand: feedback export [--out FILE] [--feedback FILE]")));
        return command;
    }

    private static async Task<int> ExportAsync(ParseResult parse, VerbContext context, string? feedbackPath, string? path, CancellationToken cancellationToken)
    {
        var output = context.Out;
        using var host = EngineHost.Build(parse, context);
        var options = host.Services.GetRequiredService<IConfiguration>().GetSection(ChannelsOptions.SectionName).Get<ChannelsOptions>() ?? new ChannelsOptions();
        options.FeedbackPath = feedbackPath ?? options.FeedbackPath;
        using var store = new FeedbackStore(Options.Create(options), NullLogger<FeedbackStore>.Instance);
        if (feedbackPath is not null && !File.Exists(store.Path))
        {
            throw new CommandLineException($"Feedback file '{store.Path}' does not exist.");
        }

        var lines = (await ReadAllAsync(store, cancellationToken))
            .Where(f => f.Reaction == "dislike" && !string.IsNullOrWhiteSpace(f.Question))
            .DistinctBy(f => f.AnswerId)
            .Select(ToQuestionLine)
            .ToList();
        if (path is not null)
        {
            await File.WriteAllLinesAsync(path, lines, cancellationToken);
            await output.WriteLineAsync($"Wrote {lines.Count} thumbs-down questions from {store.Path} to {Path.GetFullPath(path)}");
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

    private static async Task<IReadOnlyList<FeedbackEntry>> ReadAllAsync(FeedbackStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReadAllAsync(cancellationToken);
        }
        catch (JsonException e)
        {
            // E.g. a last line cut short when the bot was stopped mid-write.
            throw new CommandLineException($"Feedback file '{store.Path}' has a line that is not a feedback entry: {e.Message}");
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
