using System.Text.RegularExpressions;

namespace ArticleQa.Text;

/// <summary>
/// Typing slips in a question put right against the articles' own words: "Who will travel to Moscw next week?" is
/// searched for and answered as "... to Moscow ...". A word is changed only when no article contains it (after
/// <see cref="TermAnalyzer"/>: stemmed, stop words out), it is no dictionary word, it has at least
/// <see cref="MinLength"/> letters, and one edit after its first letter (a letter left out, added, changed, or two
/// swapped; people seldom slip on the first) makes a word the articles use; of several, the one the most passages
/// contain. A word the articles lack on purpose ("What is Russia's GDP?") is a dictionary word or has no such
/// neighbour, and stays, so the question still gets "The articles don't cover that."
/// </summary>
public static partial class QuestionSpelling
{
    /// <summary>Shorter words are left alone: one edit away from too many others ("Putn", "Modi", "mode").</summary>
    public const int MinLength = 5;

    /// <summary>Longer texts are taken as they are (the edits of every unknown word are tried).</summary>
    private const int MaxLength = 500;

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    /// <summary>
    /// <paramref name="question"/> with each slip put right, in the case it was typed in (capitalised, all capitals or
    /// lower case); the question itself when nothing is changed.
    /// </summary>
    /// <param name="question">The question as asked.</param>
    /// <param name="documentFrequency">How many passages contain an analysed term (0: none).</param>
    /// <param name="isArticleWord">Whether a lower-case word appears, as a word, in the articles (not only its stem: "outside", not "outsid").</param>
    /// <param name="isDictionaryWord">Whether a lower-case word is a real word even though no article has it.</param>
    public static string Correct(string question, Func<string, int> documentFrequency, Func<string, bool> isArticleWord, Func<string, bool> isDictionaryWord)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(documentFrequency);
        ArgumentNullException.ThrowIfNull(isArticleWord);
        ArgumentNullException.ThrowIfNull(isDictionaryWord);
        if (question.Length > MaxLength)
        {
            return question;
        }

        return Word().Replace(question, match =>
        {
            var word = match.Value;
            var lower = word.ToLowerInvariant();
            if (word.Count(char.IsLetter) < MinLength || !IsUnknown(lower, documentFrequency) || isDictionaryWord(lower))
            {
                return word;
            }

            return Nearest(lower, documentFrequency, isArticleWord, isDictionaryWord) is { } nearest ? InCaseOf(word, nearest) : word;
        });
    }

    /// <summary>Whether the word is a search term (no stop word) that no passage contains.</summary>
    private static bool IsUnknown(string lower, Func<string, int> documentFrequency)
    {
        var terms = TermAnalyzer.Analyze(lower);
        return terms.Count == 1 && documentFrequency(terms[0]) == 0;
    }

    /// <summary>
    /// A function word one edit away ("thier", "whcih"), which is far commoner than any article word; otherwise the
    /// article word one edit away that the most passages contain, a dictionary word before another that stems alike
    /// ("traveling" before "traveleing" for "travleing"), then the first in ordinal order.
    /// </summary>
    private static string? Nearest(string lower, Func<string, int> documentFrequency, Func<string, bool> isArticleWord, Func<string, bool> isDictionaryWord)
    {
        var candidates = Edits(lower).Distinct(StringComparer.Ordinal).Select(c => (Candidate: c, Terms: TermAnalyzer.Analyze(c))).ToList();
        var functionWord = candidates.Where(c => c.Terms.Count == 0 && isDictionaryWord(c.Candidate)).Select(c => c.Candidate).Order(StringComparer.Ordinal).FirstOrDefault();
        return functionWord ?? candidates
            .Where(c => c.Terms.Count == 1)
            .Select(c => (c.Candidate, Count: documentFrequency(c.Terms[0])))
            .Where(c => c.Count > 0)
            .OrderByDescending(c => c.Count)
            .ThenByDescending(c => isDictionaryWord(c.Candidate))
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .Select(c => c.Candidate)
            .FirstOrDefault(c => isArticleWord(WithoutPossessive(c)));
    }

    /// <summary>Every text one deletion, transposition, substitution or insertion of a letter away, the first letter kept.</summary>
    private static IEnumerable<string> Edits(string word)
    {
        for (var i = 1; i < word.Length; i++)
        {
            yield return string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1));
            if (i + 1 < word.Length && word[i] != word[i + 1])
            {
                yield return string.Concat(word.AsSpan(0, i), word[i + 1].ToString(), word[i].ToString(), word.AsSpan(i + 2));
            }

            foreach (var letter in Letters.Where(letter => letter != word[i]))
            {
                yield return string.Concat(word.AsSpan(0, i), letter.ToString(), word.AsSpan(i + 1));
            }
        }

        for (var i = 1; i <= word.Length; i++)
        {
            foreach (var letter in Letters)
            {
                yield return string.Concat(word.AsSpan(0, i), letter.ToString(), word.AsSpan(i));
            }
        }
    }

    /// <summary>"russia's" as the articles may have it: "Russia", or "Russia’s" with the other apostrophe.</summary>
    private static string WithoutPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    private static string InCaseOf(string typed, string corrected) =>
        typed.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? corrected.ToUpperInvariant()
        : char.IsUpper(typed[0]) ? char.ToUpperInvariant(corrected[0]) + corrected[1..]
        : corrected;

    /// <summary>A word as the analyser's tokenizer keeps it: letters, with apostrophes inside ("D'Olier", "Putin's").</summary>
    [GeneratedRegex(@"\p{L}+(?:['’]\p{L}+)*")]
    internal static partial Regex Word();
}
