using System.CommandLine;
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
internal sealed class EvalCommand : Verb
{
    private readonly Option<string> _questions = VerbOptions.Text("--questions", "FILE", "Question file (.jsonl): id, question, answers, evidence, answerable.");
    private readonly Option<string> _conversations = VerbOptions.Text("--conversations", "FILE", "Conversation file (.jsonl): multi-turn follow-ups.");
    private readonly Option<bool> _json = VerbOptions.Flag("--json", "Print the figures and every question's result as JSON.");
    private readonly Option<RetrievalMode> _mode = VerbOptions.Mode();
    private readonly Option<bool> _retrievalOnly = VerbOptions.Flag("--retrieval-only", "Measure retrieval only; do not answer.");
    private readonly Option<string> _report = VerbOptions.Text("--report", "PATH", "Also write an HTML report to PATH.");
    private readonly Option<string[]> _compare = new("--compare")
    {
        Description = "Run the same questions with two prompt folders or two providers, side by side.",
        HelpName = "A B",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Floors _floors = new();

    public override Command Create(VerbContext context)
    {
        var command = new Command("eval", "Retrieval and answer figures on a question file, through the same engine path as the bot.")
        {
            _questions, _conversations, _json, _mode, _retrievalOnly, _report, _compare,
        };
        foreach (var floor in _floors.Options)
        {
            command.Add(floor);
        }

        _questions.Required = true;
        _compare.Validators.Add(result =>
        {
            if (result.Tokens.Count != 2)
            {
                result.AddError("--compare takes two prompt folders or two providers: --compare prompts other-prompts");
            }
        });
        command.Validators.Add(result =>
        {
            // The comparison is a text table for people; a floor, report or JSON asked for here would silently not happen.
            if (result.GetResult(_compare) is not null
                && _floors.Options.Append<Option>(_report).Append(_json).FirstOrDefault(o => result.GetResult(o) is { Implicit: false }) is { } ignored)
            {
                result.AddError($"Option {ignored.Name} does not apply to --compare (run eval without --compare for it).");
            }
        });
        command.SetAction((parse, cancellationToken) => RunAsync(parse, context, cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, VerbContext context, CancellationToken cancellationToken)
    {
        var (questions, conversations, inputErrors) = await ReadInputsAsync(parse, context.Error, cancellationToken);
        if (parse.GetValue(_compare) is { } variants)
        {
            var compared = await CompareAsync(parse, context, variants, questions, conversations, cancellationToken);
            return inputErrors > 0 ? 2 : compared;
        }

        var report = await EvaluateAsync(parse, context, null, questions, conversations, cancellationToken);
        await context.Out.WriteLineAsync(parse.GetValue(_json) ? report.ToJson() : report.ToText());
        await WriteReportAsync(parse, report, context.Out, cancellationToken);
        return inputErrors > 0 ? 2 : _floors.Check(parse, report, context.Error);
    }

    private async Task<EvalReport> EvaluateAsync(
        ParseResult parse,
        VerbContext context,
        IReadOnlyDictionary<string, string?>? variant,
        IReadOnlyList<EvalQuestion> questions,
        IReadOnlyList<EvalConversation> conversations,
        CancellationToken cancellationToken)
    {
        var mode = parse.GetValue(_mode);
        using var host = EngineHost.Build(parse, context, variant);
        await host.Services.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);
        var retrieval = await EvaluateRetrievalAsync(host.Services.GetRequiredService<PassageRetriever>(), questions, mode, context.Error, cancellationToken);
        var answers = parse.GetValue(_retrievalOnly)
            ? null
            : await EvaluateAnswersAsync(host.Services.GetRequiredService<AnswerGenerator>(), questions, conversations, context.Error, cancellationToken);
        return new EvalReport(retrieval, mode, answers);
    }

    private async Task<int> CompareAsync(
        ParseResult parse,
        VerbContext context,
        IReadOnlyList<string> variants,
        IReadOnlyList<EvalQuestion> questions,
        IReadOnlyList<EvalConversation> conversations,
        CancellationToken cancellationToken)
    {
        var reports = new List<EvalReport>();
        foreach (var variant in variants)
        {
            reports.Add(await EvaluateAsync(parse, context, Overrides(variant), questions, conversations, cancellationToken));
        }

        await context.Out.WriteLineAsync(EvalComparison.ToText(variants, reports[0], reports[1]));
        return 0;
    }

    /// <summary>A folder is a prompts folder; anything else must name a provider.</summary>
    internal static Dictionary<string, string?> Overrides(string variant) =>
        Directory.Exists(variant) ? new() { ["Answering:PromptsPath"] = Path.GetFullPath(variant) }
        : Enum.TryParse<LlmProvider>(variant, ignoreCase: true, out var provider) ? new() { ["Llm:Provider"] = provider.ToString() }
        : throw new CommandLineException($"--compare '{variant}' is neither a prompts folder nor a provider ({string.Join(", ", Enum.GetNames<LlmProvider>())}).");

    private async Task WriteReportAsync(ParseResult parse, EvalReport report, TextWriter output, CancellationToken cancellationToken)
    {
        if (parse.GetValue(_report) is not { } path)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, EvalHtmlReport.Render(report, $"ArticleBot eval: {Path.GetFileName(parse.GetValue(_questions))}"), cancellationToken);
        await output.WriteLineAsync($"Report: {full}");
    }

    private async Task<(IReadOnlyList<EvalQuestion>, IReadOnlyList<EvalConversation>, int)> ReadInputsAsync(ParseResult parse, TextWriter log, CancellationToken cancellationToken)
    {
        var questionsPath = parse.GetRequiredValue(_questions);
        var conversationsPath = parse.GetValue(_conversations);
        try
        {
            var questions = await QuestionFile.ReadAsync(questionsPath, cancellationToken);
            var conversations = conversationsPath is null ? null : await ConversationFile.ReadAsync(conversationsPath, cancellationToken);
            var errors = questions.Errors.Concat(conversations?.Errors ?? []).ToList();
            foreach (var error in errors)
            {
                await log.WriteLineAsync($"error: {error}");
            }

            return (questions.Questions, conversations?.Conversations ?? [], errors.Count);
        }
        catch (FileNotFoundException e)
        {
            throw new CommandLineException(e.Message);
        }
    }

    private static Task<RetrievalEvaluation> EvaluateRetrievalAsync(PassageRetriever retriever, IReadOnlyList<EvalQuestion> questions, RetrievalMode mode, TextWriter log, CancellationToken cancellationToken) =>
        ProgressReporter.RunAsync("Retrieval", log, report =>
        {
            var total = questions.Count(q => q.Answerable && q.Scored);
            return RetrievalEvaluator.EvaluateAsync(
                questions,
                (query, top, token) => retriever.SearchAsync(query, top, mode: mode, cancellationToken: token),
                new Progress<int>(done => report(done, total)),
                cancellationToken);
        });

    private static Task<AnswerEvaluation> EvaluateAnswersAsync(AnswerGenerator generator, IReadOnlyList<EvalQuestion> questions, IReadOnlyList<EvalConversation> conversations, TextWriter log, CancellationToken cancellationToken) =>
        ProgressReporter.RunAsync("Answers", log, report =>
            AnswerEvaluator.EvaluateAsync(
                questions,
                conversations,
                generator.AnswerAsync,
                new Progress<int>(done => report(done, questions.Count + conversations.Count)),
                cancellationToken));
}
