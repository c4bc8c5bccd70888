namespace ArticleQa.Answering;

/// <summary>One step of a streamed answer: the text so far while the model writes, then the final, verified answer.</summary>
public sealed record AnswerUpdate(string? TextSoFar, Answer? Final)
{
    /// <summary>
    /// When the model has just finished one more sentence: the verified, renumbered answer of its finished sentences,
    /// with the citations they use. Each one extends the previous, and the final answer extends the last (channels
    /// such as Teams reject a streamed chunk that does not contain the text streamed before it).
    /// </summary>
    public Answer? Verified { get; init; }

    public bool IsFinal => Final is not null;
}
