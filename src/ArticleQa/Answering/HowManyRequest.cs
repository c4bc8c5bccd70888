using System.Text.RegularExpressions;
using ArticleQa.Answering.Learning;
using ArticleQa.Text;

namespace ArticleQa.Answering;

/// <summary>
/// "How many points does the plan have?": a count of something, which a sentence answers when it gives a number of
/// that thing ("the US's initial 28-point draft", "all these 28 points", "four separate components"), whatever other
/// words it shares with the question. When the abstention model would not answer and such a sentence exists in a
/// passage holding every name and number the question names, the question is answered with the one the scorer rates
/// highest; when none does, the articles don't cover it.
/// </summary>
internal static partial class HowManyRequest
{
    /// <summary>The word for what <paramref name="question"/> counts, lower case ("points" for "How many points ...?"), or null when it asks no count.</summary>
    public static string? CountedOf(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = Question().Match(question.Trim());
        return match.Success && match.Groups["counted"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words ? words[^1].ToLowerInvariant() : null;
    }

    /// <summary>Whether <paramref name="sentence"/> gives a number of <paramref name="counted"/>: a number (not a year, not "one": "at one point"), at most one word, then the thing ("28-point", "four separate components").</summary>
    public static bool Answers(string sentence, string counted)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return Count().Matches(sentence).Any(m => Is(m.Groups["first"].Value) || (m.Groups["second"].Success && Is(m.Groups["second"].Value)));

        // The word itself, singular or plural ("28-point", "28 points"), not its stem ("two pointed out").
        bool Is(string word) => Singular(word.ToLowerInvariant()) == Singular(counted);

        static string Singular(string word) => word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y" : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }

    /// <summary>"How many Russian troops are ...": the words counted, up to the verb.</summary>
    [GeneratedRegex(@"^how\s+many\s+(?<counted>(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+?)(?=\s+(?:are|is|was|were|did|does|do|has|have|had|will|would|can|could|should|of|in|on|at|for|to|from|with|by|after|before|since|during|under|over|within|into|between|among|per|than|that|who|which)\b|\s*\?|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Question();

    [GeneratedRegex(@"\b(?:(?!(?:1[89]|20)\d\d\b)\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)[\s-]+(?<first>\p{L}+)(?:[\s-]+(?<second>\p{L}+))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Count();
}
