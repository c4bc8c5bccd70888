using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// A question about the articles' titles or dates rather than about something in them: "What is the title of the
/// article?", "What's the headline?", "What articles do you have?", "When was the article published?". No passage
/// says "the title is" or "this was published on", so searching for such a question's words finds nothing in
/// particular; such a turn gets the articles' opening passages as its sources instead, whose headers carry the title
/// and, when the metadata has it, the date (<see cref="SourcesBlock.Header"/>). Matched on the question as asked,
/// whole, so "What is the title of the book?" or "When was the plan published?" are ordinary questions about something
/// the articles mention.
/// </summary>
public static partial class ArticleDetailRequest
{
    private const string Articles = BylineRequest.Articles;

    /// <summary>What a question points at the articles with: "this article", "the story".</summary>
    private const string These = @"(?:this|these|the|that|those|your)";

    /// <summary>An article's possessive: "the article's", "the stories'", "its" (in a conversation only after a turn about the article, <see cref="TurnKinds"/>).</summary>
    private const string Whose = $@"(?:(?:{These}\s+)?{Articles}'s?|its|their)";

    private const string Title = @"(?:titles?|headlines?|headings?)";

    private const string Published = @"(?:published|written|posted|dated)";

    /// <summary>"What is", "what's", "what were".</summary>
    private const string WhatIs = @"what(?:'s|\s+is|\s+was|\s+are|\s+were)";

    private const string Opening = BylineRequest.Opening;

    private const string Ending = BylineRequest.Ending;

    /// <summary>
    /// The kind of detail <paramref name="question"/> asks for, <see cref="TurnKind.Title"/> (also "What articles do
    /// you have?", <see cref="AsksForAll"/>) or <see cref="TurnKind.Published"/>, or null when it is not such a
    /// question. In a conversation only a question that names the articles (or their headline) is: "What was the title?"
    /// or "When was it published?" then most likely asks about what was just discussed, a book or a report the articles
    /// mention.
    /// </summary>
    public static TurnKind? Of(string question, bool inConversation = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Length > 200)
        {
            return null;
        }

        var text = question.Replace('’', '\'');
        if (inConversation && !ArticlesNamed().IsMatch(text))
        {
            return null;
        }

        return TitleQuestion().IsMatch(text) || CollectionQuestion().IsMatch(text) ? TurnKind.Title
            : DateQuestion().IsMatch(text) ? TurnKind.Published
            : null;
    }

    /// <summary>
    /// Whether <paramref name="question"/> asks which articles there are ("What articles do you have?", "List the
    /// stories"): about the whole collection, so in a conversation too, not only about the articles just cited.
    /// </summary>
    public static bool AsksForAll(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Length <= 200 && CollectionQuestion().IsMatch(question.Replace('’', '\''));
    }

    [GeneratedRegex($"""
        {Opening}
        (?:
            (?:{WhatIs}\s+)?(?:{Whose}\s+|{These}\s+(?:{Articles}\s+)?|{Articles}\s+)?{Title}(?:\s+(?:of|for)\s+(?:all\s+)?{These}\s+{Articles})?
          | (?:{WhatIs}\s+)?(?:{Whose}\s+names?|(?:{These}\s+)?names?\s+of\s+(?:all\s+)?{These}\s+{Articles})
          | {WhatIs}\s+{These}\s+{Articles}\s+(?:called|titled|named|headlined)
          | how\s+(?:is|was|are|were)\s+{These}\s+{Articles}\s+(?:titled|headlined)
          | what\s+(?:does|do|did)\s+(?:{Whose}\s+|{These}\s+(?:{Articles}\s+)?)?{Title}(?:\s+of\s+{These}\s+{Articles})?\s+(?:say|read|call\s+(?:it|them))
          | (?:what|which)\s+{Articles}\s+(?:is|was)\s+(?:this|it)
          | (?:give\s+me|list|show\s+me)\s+(?:the|all(?:\s+the)?)\s+(?:{Articles}\s+)?{Title}
        )
        {Ending}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex TitleQuestion();

    [GeneratedRegex($"""
        {Opening}
        (?:
            (?:what|which)\s+{Articles}\s+(?:do\s+you\s+have|have\s+you\s+got|are\s+there|are\s+available|do\s+you\s+know(?:\s+about)?|can\s+i\s+ask\s+(?:you\s+)?about)
          | (?:list|show)(?:\s+me)?\s+(?:the|your|all(?:\s+the|\s+your)?)\s+{Articles}
          | what\s+are\s+(?:the|your)\s+{Articles}
          | how\s+many\s+{Articles}\s+(?:are\s+there|do\s+you\s+(?:have|know(?:\s+about)?)|have\s+you\s+got|can\s+i\s+ask\s+(?:you\s+)?about)
        )
        {Ending}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex CollectionQuestion();

    [GeneratedRegex($"""
        {Opening}
        (?:
            when\s+(?:was|were|is|are)\s+(?:{These}(?:\s+{Articles})?|it|they)\s+{Published}
          | when\s+(?:was|were|is|are)\s+{These}\s+{Articles}\s+(?:out|from|released)
          | when\s+{These}\s+{Articles}\s+(?:was|were)\s+(?:{Published}|released)
          | when\s+did\s+{These}\s+{Articles}\s+(?:come\s+out|get\s+published)
          | (?:on\s+)?what\s+(?:date|day)\s+(?:was|were)\s+(?:{These}(?:\s+{Articles})?|it|they)\s+{Published}
          | what\s+date\s+(?:is|are)\s+{These}\s+{Articles}\s+from
          | (?:{WhatIs}\s+)?{Whose}\s+(?:publication\s+|publishing\s+|release\s+)?dates?
          | (?:{WhatIs}\s+)?(?:{These}\s+)?(?:publication\s+|publishing\s+)?dates?\s+(?:of|on)\s+{These}\s+{Articles}
          | (?:{WhatIs}\s+)?(?:{These}\s+)?(?:publication|publishing)\s+dates?
          | (?:{WhatIs}\s+)?(?:the\s+)?date\s+of\s+publication
          | how\s+(?:old|recent|new)\s+(?:is|are)\s+{These}\s+{Articles}
        )
        {Ending}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex DateQuestion();

    /// <summary>The articles named, or their headline: only an article has one ("What does the headline say?"; a book has a title).</summary>
    [GeneratedRegex($@"\b(?:{Articles}|headlines?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticlesNamed();
}
