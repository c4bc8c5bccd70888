using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// A question about an article's title or date rather than about something in it: "What is the title of the
/// article?", "What's the headline?", "When was the article published?", "What is the date of this story?". No
/// passage says "the title is" or "this was published on", so searching for such a question's words finds nothing in
/// particular; such a turn gets the articles' opening passages as its sources instead, whose headers carry the title
/// and, when the metadata has it, the date (<see cref="SourcesBlock"/>). Matched on the question as asked, whole, so
/// "What is the title of the book?" or "When was the plan published?" are ordinary questions about something the
/// articles mention.
/// </summary>
public static partial class ArticleDetailRequest
{
    /// <summary>The words that name the articles themselves (as <see cref="BylineRequest"/>'s: "the report" or "the document" is more likely one the articles mention).</summary>
    private const string Articles = @"(?:articles?|stor(?:y|ies)|pieces?|(?:blog\s+)?posts?)";

    /// <summary>What a question points at the articles with: "this article", "the story", "it".</summary>
    private const string These = @"(?:this|these|the|that|those)";

    /// <summary>The words for a title.</summary>
    private const string Title = @"(?:titles?|headlines?|headings?)";

    /// <summary>The words for being published.</summary>
    private const string Published = @"(?:published|written|posted|released|put\s+out|out|dated|from)";

    /// <summary>The politeness a question may open with: "please", "can you tell me".</summary>
    private const string Opening = @"^\s*(?:(?:hey|hi|ok|so)[,!]?\s+)?(?:(?:please|can\s+you|could\s+you|would\s+you)\s+)*(?:tell\s+me[,:]?\s+)?";

    /// <summary>The end: "please", a question mark.</summary>
    private const string Ending = @"(?:\s+please)?[ \t]*[?.!]*[ \t]*$";

    /// <summary>
    /// The kind of detail <paramref name="question"/> asks for, <see cref="TurnKind.Title"/> (also "What articles do
    /// you have?") or <see cref="TurnKind.Published"/>, or null when it is not such a question. A title question always
    /// names the title or the articles; in a conversation a date question must name them too: "When was it
    /// published?" then most likely means what was just discussed.
    /// </summary>
    public static TurnKind? Of(string question, bool inConversation = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Length > 200)
        {
            return null;
        }

        var text = question.Replace('’', '\'');
        if (TitleQuestion().IsMatch(text))
        {
            return TurnKind.Title;
        }

        return DateQuestion().IsMatch(text) && (!inConversation || ArticlesNamed().IsMatch(text)) ? TurnKind.Published : null;
    }

    [GeneratedRegex($"""
        {Opening}
        (?:
            (?:what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+)?(?:{These}\s+)?(?:{Articles}'s\s+|{Articles}s'\s+)?{Title}(?:\s+(?:of|for)\s+{These}\s+{Articles})?
          | (?:what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+)?(?:{These}\s+)?name\s+of\s+{These}\s+{Articles}
          | what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+{These}\s+{Articles}\s+(?:called|titled|named)
          | (?:what|how)\s+(?:is|was|are|were)\s+{These}\s+{Articles}\s+(?:called|titled|named|headlined)
          | (?:what|which)\s+{Articles}\s+(?:is|was)\s+(?:this|it)
          | (?:what|which)\s+{Articles}\s+(?:do\s+you\s+have|have\s+you\s+got|are\s+there|are\s+available|do\s+you\s+know(?:\s+about)?|can\s+i\s+ask\s+(?:you\s+)?about)
          | (?:list|show)(?:\s+me)?\s+(?:the|your|all(?:\s+the|\s+your)?)\s+{Articles}
        )
        {Ending}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex TitleQuestion();

    [GeneratedRegex($"""
        {Opening}
        (?:
            when\s+(?:was|were|is|are)\s+(?:{These}(?:\s+{Articles})?|it|they)\s+{Published}
          | when\s+{These}\s+{Articles}\s+(?:was|were)\s+{Published}
          | (?:on\s+)?what\s+(?:date|day)\s+(?:was|were)\s+(?:{These}(?:\s+{Articles})?|it|they)\s+{Published}
          | when\s+did\s+(?:{These}(?:\s+{Articles})?|it|they)\s+(?:come\s+out|get\s+published)
          | (?:what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+)?(?:{These}\s+)?(?:{Articles}'s\s+|{Articles}s'\s+)(?:publication\s+|publishing\s+|release\s+)?dates?
          | (?:what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+)?(?:{These}\s+)?(?:publication\s+|publishing\s+|release\s+)?dates?\s+(?:of|on)\s+{These}\s+{Articles}
          | (?:what(?:'s|\s+is|\s+was|\s+are|\s+were)\s+)?(?:{These}\s+)?(?:publication|publishing|release)\s+dates?
          | how\s+(?:old|recent|new)\s+(?:is|are)\s+{These}\s+{Articles}
        )
        {Ending}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex DateQuestion();

    [GeneratedRegex($@"\b(?:{Articles}|publication|publishing)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticlesNamed();
}
