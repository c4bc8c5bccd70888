namespace ArticleQa.Evaluation;

/// <summary>The conversations read from a conversation file, in file order, and the lines that were skipped.</summary>
public sealed record ConversationFileResult(
    IReadOnlyList<EvalConversation> Conversations,
    IReadOnlyList<QuestionFileError> Errors);
