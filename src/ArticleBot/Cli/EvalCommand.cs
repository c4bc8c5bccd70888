using ArticleQa.Answering;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary>
/// <c>eval --questions FILE [--conversations FILE] [--prompts DIR] [--provider NAME] [--json] [--report PATH]
/// [--compare A B] [--mode hybrid|dense|lexical] [--retrieval-only] [--min-accuracy X] [--min-citation-accuracy X]
/// [--min-recall5 X]</c>: retrieval figures (recall@1/5/10, MRR@10) and answer figures (accuracy, token F1, citation
/// accuracy, abstention precision/recall, latency) through the same engine path the bot uses. <c>--compare</c> runs the
/// same questions with two prompt folders (or two providers) side by side. Malformed lines are reported with their line
/// number and the rest are still evaluated (exit 2); a figure under its floor exits 1.
/// </summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("--questions", "--conversations", "--json", "--mode", "--retrieval-only", "--report", "--compare", "--min-accuracy", "--min-citation-accuracy", "--min-recall5");
        Floors.Validate(arguments);
        var (questions, conversations, inputErrors) = await ReadInputsAsync(arguments, cancellationToken);
        if (arguments.Get("--compare") is { } first)
        {
            var compared = await CompareAsync(arguments, [first, .. arguments.Positional], questions, conversations, output, cancellationToken);
            return inputErrors > 0 ? 2 : compared;
        }

        if (arguments.Positional.Count > 0)
        {
            throw new CommandLineException($"Unexpected argument '{arguments.Positional[0]}' (eval takes options only).");
        }

        var report = await EvaluateAsync(arguments, null, questions, conversations, cancellationToken);
        await output.WriteLineAsync(arguments.Has("--json") ? report.ToJson() : report.ToText());
        await WriteReportAsync(arguments, report, output, cancellationToken);
        return inputErrors > 0 ? 2 : Floors.Check(arguments, report, Console.Error);
    }

    private static async Task<EvalReport> EvaluateAsync(
        CommandLineArguments arguments,
        IReadOnlyDictionary<string, string?>? variant,
        IReadOnlyList<EvalQuestion> questions,
        IReadOnlyList<EvalConversation> conversations,
        CancellationToken cancellationToken)
    {
        var mode = SearchCommand.ParseMode(arguments.Get("--mode"));
        using var host = EngineHost.Build(arguments, variant);
        await host.Services.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);
        var retrieval = await EvaluateRetrievalAsync(host.Services.GetRequiredService<PassageRetriever>(), questions, mode, cancellationToken);
        var answers = arguments.Has("--retrieval-only")
            ? null
            : await EvaluateAnswersAsync(host.Services.GetRequiredService<AnswerGenerator>(), questions, conversations, cancellationToken);
        return new EvalReport(retrieval, mode, answers);
    }

    private static async Task<int> CompareAsync(
        CommandLineArguments arguments,
        IReadOnlyList<string> variants,
        IReadOnlyList<EvalQuestion> questions,
        IReadOnlyList<EvalConversation> conversations,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        if (variants.Count != 2)
        {
            throw new CommandLineException("--compare takes two prompt folders or two providers: --compare prompts other-prompts");
        }

        // The comparison is a text table for people; a floor, report or JSON asked for here would silently not happen.
        if (Floors.Options.Append("--report").Append("--json").FirstOrDefault(arguments.Has) is { } ignored)
        {
            throw new CommandLineException($"Option {ignored} does not apply to --compare (run eval without --compare for it).");
        }

        var reports = new List<EvalReport>();
        foreach (var variant in variants)
        {
            reports.Add(await EvaluateAsync(arguments, Overrides(variant), questions, conversations, cancellationToken));
        }

        await output.WriteLineAsync(EvalComparison.ToText(variants, reports[0], reports[1]));
        return 0;
    }

    /// <summary>A folder is a prompts folder; anything else must name a provider.</summary>
    internal static Dictionary<string, string?> Overrides(string variant) =>
        Directory.Exists(variant) ? new() { ["Answering:PromptsPath"] = Path.GetFullPath(variant) }
        : Enum.TryParse<LlmProvider>(variant, ignoreCase: true, out var provider) ? new() { ["Llm:Provider"] = provider.ToString() }
        : throw new CommandLineException($"--compare '{variant}' is neither a prompts folder nor a provider ({string.Join(", ", Enum.GetNames<LlmProvider>())}).");

    private static async Task WriteReportAsync(CommandLineArguments arguments, EvalReport report, TextWriter output, CancellationToken cancellationToken)
    {
        if (arguments.Get("--report") is not { } path)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, EvalHtmlReport.Render(report, $"ArticleBot eval: {Path.GetFileName(arguments.Get("--questions"))}"), cancellationToken);
        await output.WriteLineAsync($"Report: {full}");
    }

    private static async Task<(IReadOnlyList<EvalQuestion>, IReadOnlyList<EvalConversation>, int)> ReadInputsAsync(CommandLineArguments arguments, CancellationToken cancellationToken)
    {
        var questionsPath = arguments.Get("--questions") ?? throw new CommandLineException("eval needs --questions FILE.jsonl");
        var conversationsPath = arguments.Get("--conversations");
        try
        {
            var questions = await QuestionFile.ReadAsync(questionsPath, cancellationToken);
            var conversations = conversationsPath is null ? null : await ConversationFile.ReadAsync(conversationsPath, cancellationToken);
            var errors = questions.Errors.Concat(conversations?.Errors ?? []).ToList();
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync($"error: {error}");
            }

            return (questions.Questions, conversations?.Conversations ?? [], errors.Count);
        }
        catch (FileNotFoundException e)
        {
            throw new CommandLineException(e.Message);
        }
    }

    private static Task<RetrievalEvaluation> EvaluateRetrievalAsync(PassageRetriever retriever, IReadOnlyList<EvalQuestion> questions, RetrievalMode mode, CancellationToken cancellationToken) =>
        ProgressReporter.RunAsync("Retrieval", Console.Error, report =>
        {
            var total = questions.Count(q => q.Answerable && q.Scored);
            return RetrievalEvaluator.EvaluateAsync(
                questions,
                (query, top, token) => retriever.SearchAsync(query, top, mode: mode, cancellationToken: token),
                new Progress<int>(done => report(done, total)),
                cancellationToken);
        });

    private static Task<AnswerEvaluation> EvaluateAnswersAsync(AnswerGenerator generator, IReadOnlyList<EvalQuestion> questions, IReadOnlyList<EvalConversation> conversations, CancellationToken cancellationToken) =>
        ProgressReporter.RunAsync("Answers", Console.Error, report =>
            AnswerEvaluator.EvaluateAsync(
                questions,
                conversations,
                generator.AnswerAsync,
                new Progress<int>(done => report(done, questions.Count + conversations.Count)),
                cancellationToken));
}
