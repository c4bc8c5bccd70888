namespace ArticleQa.Evaluation;

/// <summary>A line of a question or conversation file that could not be used, and why.</summary>
/// <param name="File">The file's path as it was given to the reader.</param>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Message">What is wrong with the line.</param>
public sealed record QuestionFileError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}({Line}): {Message}";
}
