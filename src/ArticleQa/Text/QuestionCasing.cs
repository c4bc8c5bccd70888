namespace ArticleQa.Text;

/// <summary>
/// A question typed in capitals ("WHAT IS STEVE WITKOFF'S ROLE?") written again in the case the articles use for each
/// word ("What is Steve Witkoff's role?"): in capitals every word reads as a name the articles lack, which makes the
/// Local model abstain, and lower-casing it all would lose the names that tell a new question from a follow-up.
/// </summary>
public static class QuestionCasing
{
    /// <summary>
    /// <paramref name="question"/> with each word the articles have as <paramref name="wordAsWritten"/> gives it, and
    /// each other word capitalised (it may be a name they lack, "Zelensky", "China", which must still read as one) but
    /// stop words ("the", "of") and common English words that are no name ("call", "price": <see cref="EnglishWords"/>)
    /// in lower case; its first letter capitalised. Only when it has letters and none in lower case; otherwise the
    /// question itself.
    /// </summary>
    /// <param name="question">The question as asked.</param>
    /// <param name="wordAsWritten">A lower-case word as the articles write it inside a sentence, or null when they do not have it.</param>
    public static string Restore(string question, Func<string, string?> wordAsWritten)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(wordAsWritten);
        if (question.Count(char.IsLetter) < 2 || question.Any(char.IsLower))
        {
            return question;
        }

        var restored = QuestionSpelling.Word().Replace(question, match =>
        {
            var lower = match.Value.ToLowerInvariant();
            return wordAsWritten(lower) is { } written && string.Equals(written, lower, StringComparison.OrdinalIgnoreCase) ? written
                : TermAnalyzer.Analyze(lower).Count == 0 || EnglishWords.IsCommonWord(lower) ? lower
                : char.ToUpperInvariant(lower[0]) + lower[1..];
        });
        var first = restored.IndexOf(restored.First(char.IsLetter));
        return restored[..first] + char.ToUpperInvariant(restored[first]) + restored[(first + 1)..];
    }
}
