using Microsoft.Extensions.Options;

namespace ArticleBot.Cli;

/// <summary>Dispatches the verb; maps bad arguments and bad configuration to exit code 2 with a message naming them.</summary>
internal static class CommandRunner
{
    public const string Verbs = "serve (default), ask, chat, search, ingest, eval, feedback export, teams-package, benchmark, train";

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C stops the work cleanly; what was written stays written.
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            var arguments = CommandLineArguments.Parse(args);
            return await RunVerbAsync(arguments, args, cancellation.Token);
        }
        catch (CommandLineException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"error: invalid configuration: {string.Join(" ", e.Failures)}");
            return 2;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidOperationException && !cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Stopped.");
            return 130;
        }
    }

    private static async Task<int> RunVerbAsync(CommandLineArguments arguments, string[] args, CancellationToken cancellationToken)
    {
        var output = Console.Out;
        switch (arguments.Verb)
        {
            case "serve":
                arguments.AllowOnly("--urls", "--environment");
                var app = BotApp.Build(args.Where(a => a != "serve").ToArray(), arguments.ConfigurationOverrides);
                await app.RunAsync();
                return 0;
            case "ask":
                return await AskCommand.RunAsync(arguments, output, cancellationToken);
            case "chat":
                return await ChatCommand.RunAsync(arguments, Console.In, output, cancellationToken);
            case "search":
                return await SearchCommand.RunAsync(arguments, output, cancellationToken);
            case "ingest":
                return await IngestCommand.RunAsync(arguments, output, cancellationToken);
            case "eval":
                return await EvalCommand.RunAsync(arguments, output, cancellationToken);
            case "train":
                return await TrainCommand.RunAsync(arguments, output, cancellationToken);
            case "benchmark":
                return await BenchmarkCommand.RunAsync(arguments, output, cancellationToken);
            case "feedback":
                return await FeedbackCommand.RunAsync(arguments, output, cancellationToken);
            case "teams-package":
                return await TeamsPackageCommand.RunAsync(arguments, output, cancellationToken);
            default:
                throw new CommandLineException($"Unknown verb '{arguments.Verb}'. Verbs: {Verbs}.");
        }
    }
}
