using System.CommandLine;
using System.Net;
using ArticleBot.Cli;

namespace ArticleBot.Tests.Cli;

/// <summary>The command line as a user meets it: help, defaults, typo suggestions, each bad-argument message, exit codes.</summary>
public sealed class CommandRunnerTests
{
    private static readonly string[] TodaysVerbs = ["serve", "ask", "chat", "search", "ingest", "eval", "feedback", "teams-package", "benchmark"];

    public static TheoryData<string> VerbPaths()
    {
        var data = new TheoryData<string>();
        foreach (var command in Commands(CommandRunner.CreateRoot(new VerbContext(TextReader.Null, TextWriter.Null, TextWriter.Null))))
        {
            data.Add(command);
        }

        return data;
    }

    [Fact]
    public async Task RunAsync_Help_ListsEveryVerbWithItsDescriptionAndTheCommonOptions()
    {
        var (exitCode, output, error) = await VerbRunner.RunWithAsync(["--help"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        var root = CommandRunner.CreateRoot(new VerbContext(TextReader.Null, TextWriter.Null, TextWriter.Null));
        Assert.Subset(root.Subcommands.Select(c => c.Name).ToHashSet(), TodaysVerbs.ToHashSet());
        foreach (var verb in root.Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(verb.Description), verb.Name);
            Assert.Matches($@"(?m)^  {verb.Name}\b.*{System.Text.RegularExpressions.Regex.Escape(verb.Description![..20])}", output);
        }

        foreach (var option in new[] { "--articles <DIR>", "--index <DIR>", "--prompts <DIR>", "--provider <NAME>", "--urls <URLS>", "--environment <NAME>" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(VerbPaths))]
    public async Task RunAsync_VerbHelp_ExitsZeroWithDescriptionUsageAndEveryOption(string verbPath)
    {
        var (exitCode, output, error) = await VerbRunner.RunWithAsync([.. verbPath.Split(' '), "--help"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var command = Find(verbPath);
        Assert.Contains(command.Description!, output, StringComparison.Ordinal);
        Assert.Contains($"Usage:{Environment.NewLine}  ", output, StringComparison.Ordinal);
        Assert.Contains($" {verbPath} ", output, StringComparison.Ordinal);
        foreach (var option in command.Options.Where(o => !o.Hidden))
        {
            Assert.Contains(option.Name, output, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{verbPath} {option.Name}");
        }

        Assert.Contains("--articles <DIR>", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search", "--top <N>", "[default: 5]")]
    [InlineData("search", "--mode <hybrid|dense|lexical>", "[default: Hybrid]")]
    [InlineData("eval", "--questions <FILE> (REQUIRED)", "")]
    [InlineData("benchmark", "--embed <N>", "[default: 320]")]
    [InlineData("benchmark", "--sizes <N,N>", "[default: 10000,100000]")]
    [InlineData("teams-package", "--out <FILE>", "[default: articlebot-teams.zip]")]
    public async Task RunAsync_VerbHelp_ShowsDefaults(string verb, string option, string shownDefault)
    {
        var (_, output, _) = await VerbRunner.RunWithAsync([verb, "--help"]);

        var line = Assert.Single(output.Split('\n'), l => l.TrimStart().StartsWith(option, StringComparison.Ordinal));
        Assert.Contains(shownDefault, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unknown verb 'frobnicate'.", "ArticleBot --help")]
    [InlineData(new[] { "serach", "Moscow" }, "Unknown verb 'serach'. Did you mean 'search'?", "ArticleBot --help")]
    [InlineData(new[] { "akk", "Who?" }, "Unknown verb 'akk'. Did you mean 'ask'?", "ArticleBot --help")]
    [InlineData(new[] { "--urlz", "http://127.0.0.1:1" }, "Option --urlz is not known to 'ArticleBot'. Did you mean '--urls'?", "ArticleBot --help")]
    [InlineData(new[] { "search", "Moscow", "--topp", "3" }, "Option --topp is not known to 'search'. Did you mean '--top'?", "ArticleBot search --help")]
    [InlineData(new[] { "ask", "Who", "--jsn" }, "Option --jsn is not known to 'ask'. Did you mean '--json'?", "ArticleBot ask --help")]
    [InlineData(new[] { "ask", "Who", "--artciles", "x" }, "Option --artciles is not known to 'ask'. Did you mean '--articles'?", "ArticleBot ask --help")]
    [InlineData(new[] { "ingest", "--frobnicate" }, "Option --frobnicate is not known to 'ingest'.", "ArticleBot ingest --help")]
    [InlineData(new[] { "eval", "--questions", "q.jsonl", "extra" }, "Unexpected argument 'extra' for 'eval'.", "ArticleBot eval --help")]
    [InlineData(new[] { "ask" }, "ask needs a question: ask \"Who will travel to Moscow?\"", "ArticleBot ask --help")]
    [InlineData(new[] { "search" }, "search needs a query: search \"Moscow visit\"", "ArticleBot search --help")]
    [InlineData(new[] { "ask", "Who", "--articles" }, "Required argument missing for option: '--articles'.", "ArticleBot ask --help")]
    [InlineData(new[] { "search", "Moscow", "--top", "0" }, "Option --top '0' is not a whole number from 1 to 100.", "ArticleBot search --help")]
    [InlineData(new[] { "search", "Moscow", "--top", "many" }, "Option --top 'many' is not a whole number from 1 to 100.", "ArticleBot search --help")]
    [InlineData(new[] { "search", "Moscow", "--mode", "fuzzy" }, "Option --mode 'fuzzy' is not one of hybrid, dense, lexical.", "ArticleBot search --help")]
    [InlineData(new[] { "eval" }, "Option '--questions' is required.", "ArticleBot eval --help")]
    [InlineData(new[] { "eval", "--questions", "q.jsonl", "--min-accuracy", "1.01" }, "Option --min-accuracy '1.01' is not a number from 0 to 1.", "ArticleBot eval --help")]
    [InlineData(new[] { "eval", "--questions", "q.jsonl", "--min-recall5", "high" }, "Option --min-recall5 'high' is not a number from 0 to 1.", "ArticleBot eval --help")]
    [InlineData(new[] { "eval", "--questions", "q.jsonl", "--compare", "prompts" }, "--compare takes two prompt folders or two providers: --compare prompts other-prompts", "ArticleBot eval --help")]
    [InlineData(new[] { "eval", "--questions", "q.jsonl", "--compare", "Local", "OpenAI", "--report", "r.html" }, "Option --report does not apply to --compare (run eval without --compare for it).", "ArticleBot eval --help")]
    [InlineData(new[] { "benchmark", "--embed", "3" }, "Option --embed '3' is not a whole number from 16 to 100000.", "ArticleBot benchmark --help")]
    [InlineData(new[] { "benchmark", "--sizes", "10000,lots" }, "Option --sizes 'lots' is not a positive whole number.", "ArticleBot benchmark --help")]
    [InlineData(new[] { "ask", "Who", "--provider", "Bogus" }, "Option --provider 'Bogus' (Llm:Provider) is not one of Local, OpenAI, AzureOpenAI, OpenAICompatible.", "ArticleBot ask --help")]
    [InlineData(new[] { "--provider", "7", "search", "Moscow" }, "Option --provider '7' (Llm:Provider) is not one of Local, OpenAI, AzureOpenAI, OpenAICompatible.", "ArticleBot search --help")]
    [InlineData(new[] { "feedback", "exprot" }, "Unexpected argument 'exprot' for 'feedback'. Did you mean 'export'?", "ArticleBot feedback --help")]
    public async Task RunAsync_BadArguments_ExitsTwoNamingTheArgumentBeforeAnyWork(string[] args, string message, string helpHint)
    {
        var (exitCode, output, error) = await VerbRunner.RunWithAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        // The root command is named after the executable: ArticleBot, or the test host here.
        var lines = error.Replace($"'{RootName}", "'ArticleBot", StringComparison.Ordinal).ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal($"error: {message}", lines[0]);
        Assert.Equal($"Run '{helpHint}' for usage.", lines[^1]);
    }

    [Fact]
    public async Task RunAsync_TrainWithAFolderThatIsNotWordNet_ExitsTwoNamingItBeforeAnyWork()
    {
        var questions = Path.Combine(RepositoryPaths.Root, "tests", "eval", "seed", "questions.jsonl");
        var notWordNet = Path.Combine(RepositoryPaths.Root, "prompts");

        var (exitCode, output, error) = await VerbRunner.RunWithAsync(["train", "--squad", questions, "--squad2", questions, "--out", BotHost.TempIndex(), "--wordnet", notWordNet]);

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        var lines = error.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal($"error: --wordnet: '{notWordNet}' is not a WordNet 3.0 database folder (no index.noun). Install one (Debian: apt-get install wordnet-base) or pass --wordnet none.", lines[0]);
    }

    [Fact]
    public async Task RunAsync_IndexFolderCannotBeWritten_ExitsTwoWithOneLineNamingThePath()
    {
        var file = Path.Combine(BotHost.TempIndex(), "a-file");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, "not a folder", TestContext.Current.CancellationToken);
        var index = Path.Combine(file, "index");

        var (exitCode, _, error) = await VerbRunner.RunAsync("ingest", "--index", index);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ReplaceLineEndings("\n").Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(index, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FeedbackWithoutSubcommand_ExitsTwoNamingIt()
    {
        var (exitCode, _, error) = await VerbRunner.RunAsync("feedback");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: feedback needs a subcommand: feedback export", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Search_ExitsZero()
    {
        var (exitCode, output, _) = await VerbRunner.RunAsync("search", "Moscow", "--top", "1");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("1. ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CommonOptionBeforeTheVerb_IsUsed()
    {
        var missing = Path.Combine(VerbRunner.TempFolder(), "no-articles");

        var (exitCode, _, error) = await VerbRunner.RunWithAsync(["--articles", missing, "search", "Moscow", "--index", BotHost.TempIndex()]);

        Assert.Equal(2, exitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingQuestionsFile_ExitsTwoNamingTheFile()
    {
        var missing = Path.Combine(VerbRunner.TempFolder(), "missing.jsonl");

        var (exitCode, _, error) = await VerbRunner.RunAsync("eval", "--questions", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidConfigurationValue_ExitsTwoNamingTheKeyBeforeAnswering()
    {
        var (exitCode, output, error) = await VerbRunner.RunWithAsync(
            VerbRunner.WithDefaults("ask", "Who will travel to Moscow next week?"),
            configuration: new Dictionary<string, string?> { ["Llm:Provider"] = "Gpt5000" });

        Assert.Equal(2, exitCode);
        Assert.Contains("error: ", error, StringComparison.Ordinal);
        Assert.Contains("'Gpt5000'", error, StringComparison.Ordinal);
        Assert.Contains("Llm:Provider", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ExitsOneHundredThirty()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        using var error = new StringWriter();

        var exitCode = await CommandRunner.RunAsync(VerbRunner.WithDefaults("ingest"), new VerbContext(TextReader.Null, TextWriter.Null, error), cancellation.Token);

        Assert.Equal(130, exitCode);
        Assert.Equal("Stopped.", error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_NoVerb_ServesOnTheGivenUrlsUntilStopped()
    {
        using var output = new LineSignal("Serving on ");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = CommandRunner.RunAsync(VerbRunner.WithDefaults("--urls", "http://127.0.0.1:0"), new VerbContext(TextReader.Null, output, TextWriter.Null), stop.Token);

        // Serve stops only when told; if it fails to start instead, its exit code ends the wait.
        var first = await Task.WhenAny(output.Line, run);
        Assert.True(first == output.Line, "serve exited before serving");
        var line = await output.Line;
        var url = new Uri(line.Split(' ')[2]);
        using var client = new HttpClient { BaseAddress = url };
        var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("127.0.0.1", url.Host);
        Assert.Equal(0, await run);
    }

    private static string RootName => CommandRunner.CreateRoot(new VerbContext(TextReader.Null, TextWriter.Null, TextWriter.Null)).Name;

    private static Command Find(string verbPath)
    {
        Command command = CommandRunner.CreateRoot(new VerbContext(TextReader.Null, TextWriter.Null, TextWriter.Null));
        foreach (var name in verbPath.Split(' '))
        {
            command = command.Subcommands.Single(c => c.Name == name);
        }

        return command;
    }

    private static IEnumerable<string> Commands(Command parent, string prefix = "") =>
        parent.Subcommands.SelectMany(c => Commands(c, prefix + c.Name + " ").Prepend(prefix + c.Name));
}
