using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

/// <summary>
/// Runs a verb in-process the way <see cref="CommandRunner"/> does, writing to a string: over the seed articles (or
/// another folder), the real prompts and a fresh temporary index unless the arguments say otherwise.
/// </summary>
internal static class VerbRunner
{
    public delegate Task<int> Verb(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken);

    public static string EvalSeed => Path.Combine(RepositoryPaths.Root, "tests", "eval", "seed");

    public static string SeedQuestions => Path.Combine(EvalSeed, "questions.jsonl");

    public static string SeedConversations => Path.Combine(EvalSeed, "conversations.jsonl");

    public static string Squad => Path.Combine(RepositoryPaths.Root, "tests", "eval", "squad");

    public static async Task<(int ExitCode, string Output)> RunAsync(Verb verb, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await verb(Parse(args), output, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }

    /// <summary>Parses <paramref name="args"/> with the defaults appended; an option given in the args wins.</summary>
    public static CommandLineArguments Parse(params string[] args) => CommandLineArguments.Parse(WithDefaults(args));

    public static string[] WithDefaults(params string[] args) => [.. args, .. Defaults(args)];

    private static IEnumerable<string> Defaults(string[] args)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--articles"] = RepositoryPaths.Seeds,
            ["--prompts"] = RepositoryPaths.Prompts,
            ["--index"] = BotHost.TempIndex(),
        };
        return defaults.Where(d => !args.Contains(d.Key)).SelectMany(d => new[] { d.Key, d.Value });
    }

    /// <summary>A fresh temporary folder for files a test writes.</summary>
    public static string TempFolder()
    {
        var folder = BotHost.TempIndex();
        Directory.CreateDirectory(folder);
        return folder;
    }
}
