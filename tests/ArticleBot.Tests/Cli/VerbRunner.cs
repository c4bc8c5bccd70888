using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

/// <summary>
/// Runs a command line in-process through <see cref="CommandRunner"/>, as the program does, with standard output and
/// error going to strings: over the seed articles (or another folder), the real prompts and a fresh temporary index
/// unless the arguments say otherwise.
/// </summary>
internal static class VerbRunner
{
    public static string EvalSeed => Path.Combine(RepositoryPaths.Root, "tests", "eval", "seed");

    public static string SeedQuestions => Path.Combine(EvalSeed, "questions.jsonl");

    public static string SeedConversations => Path.Combine(EvalSeed, "conversations.jsonl");

    public static string Squad => Path.Combine(RepositoryPaths.Root, "tests", "eval", "squad");

    /// <summary>Runs <paramref name="args"/> with the defaults appended (an option given in the args wins).</summary>
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunWithAsync(WithDefaults(args));

    /// <summary>Runs <paramref name="args"/> as given, reading <paramref name="input"/> and with extra configuration.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunWithAsync(string[] args, string input = "", IReadOnlyDictionary<string, string?>? configuration = null)
    {
        using var reader = new StringReader(input);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new VerbContext(reader, output, error) { Configuration = configuration ?? new Dictionary<string, string?>() };
        var exitCode = await CommandRunner.RunAsync(args, context, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

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
