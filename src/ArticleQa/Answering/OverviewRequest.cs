using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// A question about the articles as a whole rather than about something in them: "What is the article about?",
/// "Summarize the articles", "What are the main points?", "TL;DR". Searching for its words finds nothing in
/// particular (no article says "this article is about"), so such a turn gets the articles' opening passages as its
/// sources instead, newest first: a real LLM summarises them with citations, and the Local model answers with each
/// one's lead sentence. Matched on the question as asked, whole, so "What do the articles say about NATO?" or
/// "Summarize Putin's position" are ordinary questions.
/// </summary>
public static partial class OverviewRequest
{
    /// <summary>The words that name the articles themselves.</summary>
    private const string Articles = @"(?:articles?|texts?|stor(?:y|ies)|documents?|pieces?|news)";

    /// <summary>
    /// Whether <paramref name="question"/> asks about the articles as a whole. In a conversation only a question that
    /// names them ("Summarize the article") or refers to nothing ("What are the main points?", "Give me a summary",
    /// "TL;DR") does: "Summarize it" or "What is this about?" then most likely mean what was just discussed, and go
    /// through the follow-up's condensing like any other. (The bare ones were follow-ups too, and the Local model,
    /// asked them with the last turn's names, said "The articles don't cover that.")
    /// </summary>
    public static bool Matches(string question, bool inConversation = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Length > 300)
        {
            return false;
        }

        var text = question.Replace('’', '\'');
        return Overview().IsMatch(text) && (!inConversation || ArticlesNamed().IsMatch(text) || !ReferringWord().IsMatch(text));
    }

    /// <summary>
    /// The lead sentence of an opening passage: its first sentence that ends as a sentence does (headlines and
    /// subtitles do not) and is not the title; else its first sentence that is not the title. A line without a letter
    /// or digit ("***") is none.
    /// </summary>
    public static string? LeadSentence(string title, IEnumerable<string> sentences) => NextSentence(title, sentences, null);

    /// <summary>
    /// The sentence an overview goes on with in one of an article's passages after what the conversation
    /// <paramref name="said"/>: of its sentences after the last one said (all of them when none was, or nothing was
    /// said), the one <see cref="LeadSentence"/> chooses; null when none is left. "Tell me more" after an overview
    /// reads on in each article instead of saying its lead again. Reading on ends at an author's note
    /// (<see cref="BylineRequest.IsAuthorNote"/>): "Join the Discussion!" after it is the page's, not the article's.
    /// </summary>
    internal static string? NextSentence(string title, IEnumerable<string> sentences, SaidText? said)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(sentences);
        // A separator line ("***", "—") says nothing: it is no sentence to read out.
        var body = sentences.Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit) && !s.Equals(title.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (said is not null)
        {
            if (body.FindIndex(BylineRequest.IsAuthorNote) is var note and >= 0)
            {
                body = body[..(note + 1)];
            }

            body = [.. body.Skip(body.FindLastIndex(said.Holds) + 1).Where(s => !said.Holds(s))];
        }

        return body.FirstOrDefault(s => SentenceEnd().IsMatch(s)) ?? body.FirstOrDefault();
    }

    [GeneratedRegex($"""
        ^\s*(?:(?:please|can\s+you|could\s+you|would\s+you)\s+)*
        (?:
            what(?:'s|\s+is|\s+are|\s+does|\s+do)\s+(?:this|these|the|those)\s+(?:{Articles}|sources?)\s+(?:about|say|cover)
          | what\s+(?:this|these|the|those)\s+{Articles}\s+(?:is|are)\s+about
          | what(?:'s|\s+is)\s+this\s+about
          | sum\s+(?:it|this|these|them|those)\s+up
          | (?:summari[sz]e|sum\s+up|give\s+(?:me\s+)?(?:a\s+|an\s+|the\s+)?(?:short\s+|quick\s+|brief\s+)?(?:summary|overview|gist|rundown))
            (?:\s+(?:of\s+)?(?:this|these|the|those|it|them)(?:\s+{Articles})?)?
          | (?:what(?:'s|\s+are|\s+is)\s+)?the\s+(?:main|key|big)\s+(?:points?|takeaways?|ideas?|facts?|news|story)
            (?:\s+(?:of|in)\s+(?:this|these|the|those)\s+{Articles})?
          | tl\s*;?\s*dr
          | (?:what(?:'s|\s+is)\s+)?the\s+gist(?:\s+of\s+(?:it|this|these|the\s+(?:articles?|stor(?:y|ies))))?
        )
        (?:\s+for\s+me|\s+(?:briefly|quickly|please))?[ \t]*[?.!]?[ \t]*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Overview();

    [GeneratedRegex($@"\b{Articles}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticlesNamed();

    [GeneratedRegex(@"\b(?:it|this|that|these|those|them)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferringWord();

    [GeneratedRegex("""[.!?]["”’')\]]*$""")]
    private static partial Regex SentenceEnd();
}
