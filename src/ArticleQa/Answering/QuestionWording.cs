using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// The question inside the way people wrap it in conversation: "Hi, who will travel to Moscow?", "Can you tell me
/// where Putin spoke?", "Do you know when the talks began?", "I'd like to know ...", "... please". The wrapper's words
/// ("tell", "know", "like") are in no article, and its first word is no question word, so searching and answering
/// with them in would look for the wrong thing; what is left is searched for and answered. A question typed in
/// capitals is read in lower case, and "??" as "?". The question as asked still goes to the model and into the
/// history.
/// </summary>
public static partial class QuestionWording
{
    /// <summary>
    /// <paramref name="question"/> without its leading greeting, politeness and indirect-question wrapper and a trailing
    /// "please", capitalised and ending in a question mark; the question itself when it has no wrapper or nothing is
    /// left that asks anything.
    /// </summary>
    public static string Core(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var core = RepeatedMarks().Replace(question.Trim(), m => m.Value[..1]);
        if (core.Any(char.IsUpper) && !core.Any(char.IsLower))
        {
            // Shouted: capitals everywhere would read as names and acronyms the articles lack.
            core = core.ToLowerInvariant();
        }

        while (true)
        {
            var next = Wrapper().Replace(core, "", 1).TrimStart();
            next = TrailingPlease().Replace(next, "$1").TrimEnd();
            next = TrailingThanks().Replace(next, "").TrimEnd();
            if (next == core)
            {
                break;
            }

            core = next;
        }

        if (core.Length == 0 || !core.Any(char.IsLetterOrDigit))
        {
            return question.Trim();
        }

        if (core == question.Trim())
        {
            return core;
        }

        // "Tell me where Putin spoke." asks a question: it is read as one.
        core = core.TrimEnd('.', '!', ' ');
        return char.ToUpperInvariant(core[0]) + core[1..] + (core.EndsWith('?') ? "" : "?");
    }

    [GeneratedRegex("""
        ^(?:
            (?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening))(?:\s+there)?\s*[,!.:;-]+
          | (?:please|pls|kindly)\b[,]?
          | (?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|show|remind)\s+me\b
          | (?:do|does|did)\s+(?:you|anyone)\s+know\b
          | (?:do\s+you\s+have\s+)?any\s+idea\b
          | i(?:'d|\s+would)\s+like\s+to\s+know\b
          | i\s+(?:want|need)\s+to\s+know\b
          | i(?:'m|\s+am|\s+was)?\s+wonder(?:ing)?\b
          | (?:tell|remind)\s+me\b
          | let\s+me\s+know\b
        )
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Wrapper();

    /// <summary>"..., please?" or "...? Please.", not "... as they please?".</summary>
    [GeneratedRegex(@"(?:\s*,|\s*\?)\s*please([?.!]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPlease();

    /// <summary>A thank-you after the question: "... next week? Thanks!", "..., thank you in advance".</summary>
    [GeneratedRegex(@"(?<=\S)[,.!\s]+(thanks|thank\s+you|thx|cheers|ty)(\s+(a\s+lot|so\s+much|very\s+much|in\s+advance))?[.!\s]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingThanks();

    /// <summary>"??", "?!", "!!!": one mark is enough.</summary>
    [GeneratedRegex(@"[?!]{2,}")]
    private static partial Regex RepeatedMarks();
}
