namespace ArticleQa.Answering;

/// <summary>One step of a streamed answer: the text so far while the model writes, then the final, verified answer.</summary>
public sealed record AnswerUpdate(string? TextSoFar, Answer? Final)
{
    public bool IsFinal => Final is not null;
}
