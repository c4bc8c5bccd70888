using ArticleQa.Answering;
using ArticleQa.Evaluation;
using ArticleQa.Retrieval;

namespace ArticleBot.Cli;

/// <summary>
/// <c>eval --questions FILE [--conversations FILE] [--json] [--mode hybrid|dense|lexical] [--retrieval-only]
/// [--min-accuracy X] [--min-citation-accuracy X] [--min-recall5 X]</c>: retrieval figures (recall@1/5/10, MRR@10) and
/// answer figures (accuracy, token F1, citation accuracy, abstention precision/recall, latency) through the same engine
/// path the bot uses. Malformed lines are reported with their line number and the rest are still evaluated (exit 2);
/// a figure under its floor exits 1.
/// </summary>
internal static class EvalCommand
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("--questions", "--conversations", "--json", "--mode", "--retrieval-only", "--min-accuracy", "--min-citation-accuracy", "--min-recall5");
        var (questions, conversations, inputErrors) = await ReadInputsAsync(arguments, cancellationToken);
        var mode = SearchCommand.ParseMode(arguments.Get("--mode"));
        using var host = EngineHost.Build(arguments);
        await host.Services.GetRequiredService<ArticleLibrary>().GetIndexAsync(cancellationToken);
        var retrieval = await EvaluateRetrievalAsync(host.Services.GetRequiredService<PassageRetriever>(), questions, mode, cancellationToken);
        AnswerEvaluation? answers = null;
        if (!arguments.Has("--retrieval-only"))
        {
            answers = await EvaluateAnswersAsync(host.Services.GetRequiredService<AnswerGenerator>(), questions, conversations, cancellationToken);
        }

        var report = new EvalReport(retrieval, mode, answers);
        await output.WriteLineAsync(arguments.Has("--json") ? report.ToJson() : report.ToText());
        return inputErrors > 0 ? 2 : Floors.Check(arguments, report, Console.Error);
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
            var total = questions.Count(q => q.Answerable);
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
