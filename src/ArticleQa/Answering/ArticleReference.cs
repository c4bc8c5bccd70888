using System.Text.RegularExpressions;
using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleQa.Answering;

/// <summary>
/// One article named by what it is about, in a question about the articles themselves: "Who wrote the Geneva
/// article?", "When was the article about the bridge published?", "Summarize the story on the bridge". The question without
/// its topic ("Who wrote the article?") says what is asked (<see cref="TurnKinds"/>), and the topic which of the
/// articles it is asked of (<see cref="Matching"/>). Before, such questions were searched for as ordinary questions
/// and got "The articles don't cover that.", since no passage says who wrote it or what it is about.
/// </summary>
public static partial class ArticleReference
{
    /// <summary>Words before "article" that say which one by place or kind, not by topic: "the whole article", "the latest story".</summary>
    private static readonly HashSet<string> NotTopics = new(StringComparer.OrdinalIgnoreCase)
    {
        "whole", "entire", "full", "same", "other", "original", "main", "news", "first", "last", "latest", "newest",
        "oldest", "previous", "next", "second", "third", "current", "above", "following", "new", "old", "recent",
        "most recent", "long", "short", "this", "that", "your", "my", "one", "only", "cited", "linked", "source",
    };

    /// <summary>Words that join a phrase rather than name a topic: "the plan in the article", "the date of the article".</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "on", "of", "at", "for", "from", "to", "with", "by", "about", "into", "the", "a", "an", "and", "or", "this",
        "that", "these", "those", "its", "his", "her", "their", "is", "was", "are", "were",
    };

    /// <summary>
    /// The question with the article's topic taken out and that topic ("Who wrote the Geneva article?" -&gt; "Who
    /// wrote the article?", "Geneva"), or null when it names no article by topic.
    /// </summary>
    public static (string Question, string Topic)? Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Length > 300)
        {
            return null;
        }

        // Before "article", only a name of what it is about: "the plan in the article" is the plan, not an article.
        var match = TopicAfter().Match(question);
        if (!match.Success)
        {
            match = TopicBefore().Matches(question).FirstOrDefault(m => !m.Groups["topic"].Value.Split(' ').Any(FunctionWords.Contains)) ?? Match.Empty;
        }

        var topic = match.Groups["topic"].Value.Trim();
        if (!match.Success || NotTopics.Contains(topic) || TermAnalyzer.Analyze(topic).Count == 0)
        {
            return null;
        }

        var plain = question[..match.Index] + match.Groups["the"].Value + " " + match.Groups["noun"].Value + question[(match.Index + match.Length)..];
        return (Spaces().Replace(plain, " ").Trim(), topic);
    }

    /// <summary>
    /// The topic of a question about which articles speak of something ("Which article mentions Rubio?", "Which
    /// articles are about the bridge?", "Is there an article about the harbor?"), or null when it is none. Its answer is
    /// those articles' titles, each cited at a passage that holds the topic's words.
    /// </summary>
    public static string? WhichOf(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Length > 300 || WhichArticle().Match(question.Trim().Replace('’', '\'')) is not { Success: true } match)
        {
            return null;
        }

        var topic = match.Groups["topic"].Value.Trim();
        return TermAnalyzer.Analyze(topic).Count == 0 ? null : topic;
    }

    /// <summary>
    /// The articles <paramref name="topic"/> names: those whose title and opening passage hold the most of its terms
    /// (at least one), newest first; none when no article holds any.
    /// </summary>
    internal static List<ArticleInfo> Matching(PassageIndex index, string topic)
    {
        ArgumentNullException.ThrowIfNull(index);
        var terms = TermAnalyzer.Analyze(topic).Distinct(StringComparer.Ordinal).ToList();
        var matched = index.Articles.Values
            .Select(a => (Article: a, Count: Held(index, a, terms)))
            .Where(a => a.Count > 0)
            .ToList();
        var most = matched.Select(a => a.Count).DefaultIfEmpty(0).Max();
        return [.. matched.Where(a => a.Count == most).Select(a => a.Article)
            .OrderByDescending(a => a.Published ?? DateTimeOffset.MinValue).ThenBy(a => a.Title, StringComparer.Ordinal)];
    }

    private static int Held(PassageIndex index, ArticleInfo article, IReadOnlyList<string> terms)
    {
        var opening = index.FindPassage($"{article.Id}#0", 1)?.Passage.Text ?? "";
        var known = TermAnalyzer.Analyze(article.Title + "\n" + opening).ToHashSet(StringComparer.Ordinal);
        return terms.Count(known.Contains);
    }

    /// <summary>"the article about the bridge", "the story on Geneva" (up to a word that goes on with the question: "... published?").</summary>
    [GeneratedRegex(@"\b(?<the>the|that)\s+(?<noun>article|story|piece)\s+(?:about|on|regarding|concerning)\s+(?<topic>[^?.!,;]+?)(?=\s+(?:published|written|posted|dated|say|says|about|come\s+out|came\s+out|appear|appeared|cover|covers)\b|\s*[?.!,;]|\s*$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TopicAfter();

    /// <summary>
    /// "the Geneva article", "the peace plan article" (one to three words before it). Not "story" or "piece": "the
    /// first Doctor Who story" or "the piano piece" is something the articles are about.
    /// </summary>
    [GeneratedRegex(@"\b(?<the>the|that)\s+(?<topic>(?:[\p{L}\d'’.-]+\s+){0,2}?[\p{L}\d'’.-]+)\s+(?<noun>article)\b(?!\s*['’]s)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TopicBefore();

    [GeneratedRegex("""
        ^(?:(?:can|could)\s+you\s+tell\s+me\s+)?(?:
            (?:which|what)\s+(?:articles?|stor(?:y|ies)|pieces?)\s+(?:mentions?|names?|talks?\s+about|(?:is|are)\s+about|covers?|discuss(?:es)?|says?\s+(?:something\s+|anything\s+)?about|deals?\s+with|(?:is|are)\s+talking\s+about)
          | (?:is|are)\s+there\s+(?:an?|any)\s+(?:articles?|stor(?:y|ies)|pieces?)\s+(?:about|on|that\s+mentions?|mentioning)
          | do\s+you\s+have\s+(?:an?|any)\s+(?:articles?|stor(?:y|ies)|pieces?)\s+(?:about|on|that\s+mentions?|mentioning)
          | any\s+(?:articles?|stor(?:y|ies))\s+(?:about|on|mentioning)
        )
        \s+(?<topic>[^?.!]+?)[\s?.!]*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex WhichArticle();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
