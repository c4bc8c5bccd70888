using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// The question inside the way people wrap it in conversation: "Hi, who will travel to Moscow?", "Can you tell me
/// where Putin spoke?", "Do you know when the talks began?", "I'd like to know ...", "..., please", "...? Thanks!".
/// The wrapper's words ("tell", "know", "like") are in no article, and its first word is no question word, so
/// searching and answering with them in would look for the wrong thing; what is left is searched for and answered.
/// A wrapper is only taken off when a question word follows it ("Tell me about the plan" and "Did anyone know about
/// the attack?" stay as they are). Contractions typed without their apostrophe get it back ("whos" is "who's",
/// "didnt" "didn't"), since "whos" is no question word and no article's word. The question as asked still goes to the
/// model and into the history.
/// </summary>
public static partial class QuestionWording
{
    /// <summary>Longer texts are taken as they are: nobody wraps a question that long, and the patterns stay cheap.</summary>
    private const int MaxLength = 500;

    /// <summary>
    /// <paramref name="question"/> without its leading greeting and indirect-question wrapper, a trailing "please" or
    /// thank-you and doubled marks ("??"), capitalised and ending in a question mark; the question itself when it has
    /// none of these or nothing is left that asks anything.
    /// </summary>
    public static string Core(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var asked = question.Trim();
        if (asked.Length > MaxLength)
        {
            return asked;
        }

        var plain = asked.Replace('’', '\'');
        var core = RepeatedMarks().Replace(plain, m => m.Value[..1]);
        core = WordContraction().Replace(core, "$1'$2");
        core = NotContraction().Replace(core, "$1n't");
        core = Greeting().Replace(core, "", 1);
        core = Wrapper().Replace(core, "", 1);
        core = TrailingPlease().Replace(core, "$1");
        core = TrailingThanks().Replace(core, "$1").Trim();
        if (!core.Any(char.IsLetterOrDigit))
        {
            return asked;
        }

        if (core == plain)
        {
            return asked;
        }

        // "Tell me where Putin spoke." asks a question: it is read as one.
        core = core.TrimEnd('.', '!', ' ');
        return char.ToUpperInvariant(core[0]) + core[1..] + (core.EndsWith('?') ? "" : "?");
    }

    /// <summary>A greeting and nothing else ("hi", "Hello!", "good morning"): no question to answer.</summary>
    public static bool IsGreetingAlone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GreetingAlone().IsMatch(text.Trim());
    }

    /// <summary>A thank-you and nothing else ("thanks!", "thank you very much", "hi, thanks"): no question to answer.</summary>
    public static bool IsThanksAlone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ThanksAlone().IsMatch(text.Trim());
    }

    [GeneratedRegex(@"^(?:hi|hello|hey|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|bot|articlebot))?[\s!.,:)]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetingAlone();

    [GeneratedRegex(@"^(?:(?:hi|hello|hey)[\s,!.]+)?(?:thanks|thank\s+you|thx|ty|cheers|many\s+thanks)(?:\s+(?:a\s+lot|so\s+much|very\s+much))?[\s!.,:)]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThanksAlone();

    /// <summary>"Hi, ", "Hello there! ", "Good morning - ": a greeting with its punctuation, before more words.</summary>
    [GeneratedRegex(@"^(?:hi|hello|hey|hiya|good\s+(?:morning|afternoon|evening))(?:\s+there)?\s*(?:[,!.:;]+|\s-)\s+(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    /// <summary>An indirect-question wrapper, only where a question word follows it.</summary>
    [GeneratedRegex("""
        ^(?:please\s*,?\s+)?
        (?:
            (?:can|could|would|will)\s+you\s+(?:please\s+)?(?:tell|show|remind)\s+me
          | (?:do|does)\s+(?:you|anyone)\s+know
          | (?:do\s+you\s+have\s+)?any\s+idea
          | i(?:'d|\s+would)\s+like\s+to\s+know
          | i\s+(?:want|need)\s+to\s+know
          | i(?:'m|\s+am|\s+was)?\s+wonder(?:ing)?
          | (?:please\s+)?(?:tell|remind)\s+me
          | let\s+me\s+know
          | please
        )
        \s*,?\s+(?=(?:who|whom|whose|what|which|when|where|why|how|if|whether|is|are|was|were|did|does|do|has|have|can|will)\b)
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Wrapper();

    /// <summary>"..., please?" or "...? Please.", not "... as they please?".</summary>
    [GeneratedRegex(@"(?:,|\?)[ \t]*please([?.!]?)[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPlease();

    /// <summary>A thank-you after the question's own mark or a comma: "...? Thanks!", "..., thank you in advance"; not "Who is Ty".</summary>
    [GeneratedRegex(@"([?.!])?(?:(?<=[?.!])|,)[ \t]*(?:thanks|thank\s+you|thx|cheers|ty)(?:\s+(?:a\s+lot|so\s+much|very\s+much|in\s+advance))?[.!]?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingThanks();

    /// <summary>A contraction typed without its apostrophe: "whos", "whats", "wheres", "thats" ("its" is a word).</summary>
    [GeneratedRegex(@"\b(who|what|where|when|why|how|there|that)(s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordContraction();

    /// <summary>A negation typed without its apostrophe: "dont", "didnt", "isnt", "cant", "wont".</summary>
    [GeneratedRegex(@"\b(do|does|did|is|was|are|were|has|have|had|could|would|should|need|must|ca|wo)nt\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotContraction();

    /// <summary>"??", "?!", "!!!": one mark is enough.</summary>
    [GeneratedRegex(@"[?!]{2,}")]
    private static partial Regex RepeatedMarks();
}
