using System.Text.RegularExpressions;

namespace ArticleQa.Text;

/// <summary>
/// Names of people, places and organisations found as runs of capitalised words, without the function words that
/// are capitalised only because they start a sentence.
/// </summary>
public static partial class NamedEntities
{
    private static readonly HashSet<string> CommonCapitalised = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "Of", "For", "To", "By", "With", "From", "This", "That", "These", "Those", "It",
        "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Its", "Who", "What", "When", "Where", "Why", "How",
        "Which", "Whom", "Whose", "But", "And", "Or", "So", "If", "As", "After", "Before", "While", "However", "Also",
        "There", "Here", "Is", "Are", "Was", "Were", "Will", "Would", "Did", "Does", "Do", "Can", "Could", "Should", "Has",
        "Have", "Had", "User", "Bot",
    };

    /// <summary>Where <paramref name="text"/> names <paramref name="name"/>, as whole words and in its case ("Putin" is not in "Putinism"); -1 when it does not.</summary>
    public static int IndexOfName(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var match = Regex.Match(text, @"(?<![\p{L}\d])" + Regex.Escape(name) + @"(?![\p{L}\d])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Index : -1;
    }

    /// <summary>The names in <paramref name="text"/>, in order of appearance (repeats kept).</summary>
    public static IEnumerable<string> Find(string text) =>
        Capitalised().Matches(text)
            .Select(m => string.Join(' ', m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(CommonCapitalised.Contains)))
            .Where(name => name.Length > 1);

    /// <summary>
    /// The names in a question after its first word: every first word is capitalised, so "Exactly when?" or "Tell me
    /// about the elections" name nothing, while "Who is Witkoff?" names Witkoff.
    /// </summary>
    public static IEnumerable<string> AfterFirstWord(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var first = FirstWord().Match(question);
        return Find("and " + (first.Success ? question[(first.Index + first.Length)..] : question));
    }

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+)*")]
    private static partial Regex Capitalised();
}
