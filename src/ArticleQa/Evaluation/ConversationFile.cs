namespace ArticleQa.Evaluation;

/// <summary>
/// Reads a conversation file (JSON lines of <c>{"id", "turns", "answers", "evidence", "answerable"}</c>, the last turn
/// scored, see tests/eval/README.md). Malformed lines are returned as errors with their line numbers; the other lines
/// are kept.
/// </summary>
public static class ConversationFile
{
    /// <summary>Reads every conversation in <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<ConversationFileResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var (conversations, errors) = await JsonLinesReader.ReadAsync(
            path, ToConversation, conversation => conversation.Id, cancellationToken);
        return new ConversationFileResult(conversations, errors);
    }

    private static EvalConversation ToConversation(JsonLineFields fields, int line)
    {
        var id = fields.OptionalString("id", allowBlank: false) ?? $"line-{line}";
        var turns = fields.StringArray("turns", required: true);
        if (turns.Count == 0)
        {
            fields.Fail("\"turns\" must hold at least one turn");
        }

        var answers = fields.StringArray("answers", required: false);
        var evidence = fields.OptionalString("evidence") ?? "";
        var answerable = fields.Boolean("answerable", defaultValue: true);
        if (answerable && answers.Count == 0 && string.IsNullOrWhiteSpace(evidence))
        {
            fields.Fail("an answerable conversation needs \"evidence\" or \"answers\" for its last turn");
        }

        return new EvalConversation(id, turns, answers, evidence, answerable);
    }
}
