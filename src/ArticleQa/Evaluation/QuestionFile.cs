namespace ArticleQa.Evaluation;

/// <summary>
/// Reads a question file (JSON lines of <c>{"id", "question", "answers", "evidence", "answerable"}</c>, see
/// tests/eval/README.md). Malformed lines are returned as errors with their line numbers; the other lines are kept.
/// </summary>
public static class QuestionFile
{
    /// <summary>Reads every question in <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<QuestionFileResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var (questions, errors) = await JsonLinesReader.ReadAsync(path, ToQuestion, question => question.Id, cancellationToken);
        return new QuestionFileResult(questions, errors);
    }

    private static EvalQuestion ToQuestion(JsonLineFields fields, int line)
    {
        var id = fields.OptionalString("id", allowBlank: false) ?? $"line-{line}";
        var question = fields.RequiredString("question");
        var answers = fields.StringArray("answers", required: false);
        var evidence = fields.OptionalString("evidence") ?? "";
        var answerable = fields.Boolean("answerable", defaultValue: true);
        var review = fields.Boolean("review", defaultValue: false);
        if (answerable && !review && answers.Count == 0 && string.IsNullOrWhiteSpace(evidence))
        {
            fields.Fail("an answerable question needs \"evidence\" or \"answers\" (or \"review\": true to run it unscored)");
        }

        return new EvalQuestion(id, question, answers, evidence, answerable, review);
    }
}
