using System.CommandLine;
using Microsoft.Extensions.Options;

namespace ArticleBot.Cli;

/// <summary>
/// Parses the command line with System.CommandLine and runs the verb. No verb means <c>serve</c>. Exit codes: 0 done,
/// 1 a failed check, 2 bad arguments, input or configuration (the message names them), 130 stopped with Ctrl+C.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C stops the work cleanly; what was written stays written.
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await RunAsync(args, VerbContext.Console, cancellation.Token);
    }

    public static async Task<int> RunAsync(string[] args, VerbContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parse = CreateRoot(context).Parse(args);
        if (ParseErrors.Describe(parse) is { Count: > 0 } errors)
        {
            foreach (var error in errors)
            {
                await context.Error.WriteLineAsync($"error: {error}");
            }

            await context.Error.WriteLineAsync($"Run '{ParseErrors.CommandPath(parse)} --help' for usage.");
            return 2;
        }

        try
        {
            // Exceptions reach the handlers below; Ctrl+C is handled above, so the library does not register its own.
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken);
        }
        catch (CommandLineException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: invalid configuration: {string.Join(" ", e.Failures)}");
            return 2;
        }
        catch (Exception e) when (e is DirectoryNotFoundException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            // A folder or file given on the command line or in configuration that cannot be read or written (a device,
            // a read-only place, /proc): .NET's message names the path; no stack trace.
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Stopped.");
            return 130;
        }
    }

    /// <summary>The root command: <c>serve</c>'s options and action, the common options, and every <see cref="Verb"/>.</summary>
    internal static RootCommand CreateRoot(VerbContext context)
    {
        var root = new RootCommand("ArticleBot answers questions about a folder of articles, citing the passages it used. No verb means serve.");
        CommonOptions.AddTo(root);
        ServeCommand.Configure(root, context);
        var verbs = typeof(Verb).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Verb)) && !type.IsAbstract)
            .Select(type => ((Verb)Activator.CreateInstance(type, nonPublic: true)!).Create(context))
            .OrderBy(command => command.Name, StringComparer.Ordinal);
        foreach (var verb in verbs)
        {
            root.Add(verb);
        }

        return root;
    }
}
