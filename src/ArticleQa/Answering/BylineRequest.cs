using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// A question about who wrote the articles rather than about something in them: "Who is the author?", "Who wrote
/// this article?", "Who's the writer?". Searching for its words finds nothing in particular (no article says "the
/// author is"), so such a turn gets each article's byline passage as its source instead: the passage with a sentence
/// that names its author (<see cref="Sentence"/>). A real LLM answers from those, the Local model with the byline
/// sentences themselves. Matched on the question as asked, whole, so "Who wrote the letter?" or "Who is the author of
/// the plan?" are ordinary questions about something the articles mention.
/// </summary>
public static partial class BylineRequest
{
    /// <summary>
    /// The words that name the articles themselves; fewer than <see cref="OverviewRequest"/>'s, since "Who wrote the
    /// report?", "the text" or "the document" more likely ask about one the articles mention.
    /// </summary>
    internal const string Articles = @"(?:articles?|stor(?:y|ies)|pieces?|(?:blog\s+)?posts?)";

    /// <summary>What a whole question about the articles may open with: "hi,", "please", "can you tell me".</summary>
    internal const string Opening = @"^\s*(?:(?:hey|hi|ok|so)[,!]?\s+)?(?:(?:please|can\s+you|could\s+you|would\s+you)\s+)*(?:tell\s+me[,:]?\s+)?";

    /// <summary>What it may end with: "please", question marks.</summary>
    internal const string Ending = @"(?:\s+please)?[ \t]*[?.!]*[ \t]*$";

    /// <summary>The words for whoever wrote them ("the journalist" is as likely someone an article is about).</summary>
    private const string Writer = @"(?:authors?|writers?|reporters?|bylines?)";

    /// <summary>The passages at an article's end read for its byline: the note and the boilerplate after it.</summary>
    internal const int EndPassages = 3;

    /// <summary>A name as a byline writes it: two to four capitalised words ("Dave DeCamp", "Mary-Kate O'Neil Jr.").</summary>
    private const string Name = @"\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,3}";

    /// <summary>
    /// Whether <paramref name="question"/> asks who wrote the articles. In a conversation only a question that names
    /// the articles or their writer, or asks about "this" text ("Who wrote this?", the one the last answer cited) does:
    /// "Who wrote it?" or "that" then most likely means what was just discussed.
    /// </summary>
    public static bool Matches(string question, bool inConversation = false)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (question.Length > 200)
        {
            return false;
        }

        var text = question.Replace('’', '\'');
        return Byline().IsMatch(text) && (!inConversation || Named().IsMatch(text) || ThisText().IsMatch(text));
    }

    /// <summary>
    /// The sentence of an article that names its author. Bylines and authors' notes stand at the start or near the
    /// end (before a page's comment or newsletter boilerplate), so the first passage and the last
    /// <see cref="EndPassages"/> are read first: a sentence there that names <paramref name="author"/> (the article's
    /// metadata) when it is known; else a byline line ("By Dave DeCamp"); else an author's note ("Dave DeCamp is the
    /// news editor of Antiwar.com") near the end, where such notes stand (elsewhere "X is a reporter" is more likely
    /// someone the article quotes); else, with <paramref name="author"/> known, a sentence naming them anywhere.
    /// </summary>
    /// <param name="passageCount">How many passages the article has.</param>
    /// <param name="sentencesOf">The sentences of passage n, read only when needed.</param>
    /// <param name="author">The article's author from its metadata, or null.</param>
    /// <returns>The passage's position and the sentence, or null when no sentence names an author.</returns>
    public static (int Passage, string Sentence)? Sentence(int passageCount, Func<int, IEnumerable<string>> sentencesOf, string? author)
    {
        ArgumentNullException.ThrowIfNull(sentencesOf);
        if (passageCount <= 0)
        {
            return null;
        }

        var read = new Dictionary<int, string[]>();
        // The end, last passage first; then the start.
        int[] end = [.. Enumerable.Range(0, passageCount).Reverse().Take(EndPassages)];
        int[] ends = end.Contains(0) ? end : [0, .. end];
        var name = string.IsNullOrWhiteSpace(author) ? null : author.Trim();
        Func<string, bool> names = s => name is not null && s.Contains(name, StringComparison.Ordinal);
        return Find(ends, names)
            ?? Find(ends, s => ByLine().IsMatch(s))
            ?? Find(end, s => AuthorNote().IsMatch(s))
            ?? (name is null ? null : Find([.. Enumerable.Range(0, passageCount).Except(ends)], names));

        (int, string)? Find(int[] which, Func<string, bool> matches)
        {
            foreach (var p in which)
            {
                if (!read.TryGetValue(p, out var sentences))
                {
                    read[p] = sentences = [.. sentencesOf(p).Select(s => s.Trim())];
                }

                if (sentences.FirstOrDefault(matches) is { } sentence)
                {
                    return (p, sentence);
                }
            }

            return null;
        }
    }

    [GeneratedRegex($"""
        {Opening}
        (?:
            who(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?{Writer}(?:\s+(?:of|for|behind)\s+(?:this|these|the|that|those|it)(?:\s+{Articles})?)?
          | who\s+(?:wrote|writes|authored|penned|reported|has\s+written|had\s+written)(?:\s+(?:this|it|these|them|that|those|the)(?:\s+{Articles})?)?
          | who\s+(?:is|was|are|were)\s+(?:this|these|the|that|those|it)(?:\s+{Articles})?\s+(?:written|authored|penned|reported)\s+by
          | by\s+whom\s+(?:is|was|are|were)\s+(?:this|these|the|that|those|it)(?:\s+{Articles})?\s+(?:written|authored)
          | (?:what\s+is\s+|what's\s+)?the\s+(?:{Writer}'s|{Writer}s')\s+name
          | (?:what\s+is\s+|what's\s+)?the\s+name\s+of\s+the\s+{Writer}
          | (?:name|identify)\s+the\s+{Writer}
          | {Writer}
        )
        {Ending}
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex($@"\b(?:{Articles}|{Writer})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Named();

    [GeneratedRegex(@"\b(?:this|these)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThisText();

    /// <summary>"By Dave DeCamp", "Written by Jane Roe and John Doe", "Reporting by Jane Roe; Editing by John Doe".</summary>
    [GeneratedRegex($@"^(?:(?:Written|Reported|Reporting|Words|Story|Text)\s+)?[Bb]y\s+{Name}\b")]
    private static partial Regex ByLine();

    /// <summary>
    /// Whether <paramref name="sentence"/> is an author's note ("Dave DeCamp is the news editor of Antiwar.com"),
    /// which ends an article's text: what a page has after it is its comment or newsletter boilerplate.
    /// </summary>
    internal static bool IsAuthorNote(string sentence) => AuthorNote().IsMatch(sentence.Trim());

    /// <summary>"Dave DeCamp is the news editor of Antiwar.com", "Jane Roe is a staff writer at the Daily Planet."</summary>
    [GeneratedRegex($@"^{Name}\s+(?:is|was)\s+(?:a|an|the|our)\s+(?:[\p{{L}}-]+\s+){{0,3}}?(?:editor|reporter|writer|correspondent|journalist|columnist|contributor|author|freelancer|blogger)s?\b")]
    private static partial Regex AuthorNote();
}
