using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// The question inside the way people wrap it in conversation: "Hi, who will travel to Moscow?", "Can you tell me
/// where Putin spoke?", "Do you know when the talks began?", "I'd like to know ...", "..., please", "...? Thanks!".
/// The wrapper's words ("tell", "know", "like") are in no article, and its first word is no question word, so
/// searching and answering with them in would look for the wrong thing; what is left is searched for and answered.
/// A wrapper is only taken off when a question word follows it ("Did anyone know about the attack?" stays as it is);
/// a request for what the articles say about something ("Tell me about the plan", "What do you know about NATO?") is
/// asked in the words the Local model learned such questions in: "What do the articles say about the plan?".
/// Contractions typed without their apostrophe get it back ("whos" is "who's",
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
        core = TopicRequest().Replace(core, m => AboutTopic(m.Groups["topic"].Value), 1);
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

    /// <summary>
    /// The question a request for what the articles say about a topic asks, in the words the Local model learned it
    /// in ("What do the articles say about NATO?"); about the articles themselves, the overview's question ("What is
    /// the article about?").
    /// </summary>
    private static string AboutTopic(string topic)
    {
        topic = TopicPlease().Replace(topic.Trim(), "");
        if (!ArticlesNamed().IsMatch(topic))
        {
            return ArticlesSayAbout(topic);
        }

        var plural = topic.EndsWith('s') && !topic.EndsWith("news", StringComparison.OrdinalIgnoreCase);
        return $"What {(plural ? "are" : "is")} {topic} about?";
    }

    /// <summary>
    /// "What do the articles say about <paramref name="topic"/>?": the broad question the follow-up suggestions ask,
    /// topic requests are rewritten into, and the Local model learned (its entity questions).
    /// </summary>
    public static string ArticlesSayAbout(string topic) => $"What do the articles say about {topic}?";

    /// <summary>
    /// Whether the question asks for more than the last answer said: "Tell me more about him", "Anything else?",
    /// "What else did Putin say?", "Who else will travel?". The Local model then answers with something else.
    /// </summary>
    public static bool AsksForMore(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return (question.Length <= MaxLength && MoreRequest().IsMatch(question)) || AsksForMoreAlone(question);
    }

    [GeneratedRegex(@"\b(?:tell\s+me|say|know|anything|something|show\s+me)\s+(?:a\s+(?:bit|little)\s+)?more\b|\belse\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreRequest();

    /// <summary>
    /// Whether the question asks for more and names nothing of its own: "Tell me more", "Anything else?", "Go on",
    /// "Tell me more about it". Such a turn asks the last question with a subject again.
    /// </summary>
    public static bool AsksForMoreAlone(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Length <= MaxLength && MoreAlone().IsMatch(question.Trim());
    }

    [GeneratedRegex(@"^(?:(?:and|ok(?:ay)?|so)[\s,]+)?(?:(?:can|could|would)\s+you\s+)?(?:please\s+)?(?:tell\s+me\s+(?:a\s+(?:bit|little)\s+)?more|say\s+more|(?:is\s+there\s+)?anything\s+else|what\s+else|more|go\s+on|continue|keep\s+going)(?:\s+(?:about\s+)?(?:it|that|this|them|those))?(?:[\s,]+please)?[\s?.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoreAlone();

    /// <summary>A greeting and nothing else ("hi", "Hello!", "good morning"): no question to answer.</summary>
    public static bool IsGreetingAlone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return GreetingAlone().IsMatch(text.Trim());
    }

    /// <summary>
    /// A question about the bot itself and nothing else ("What can you do?", "How does this work?", "Who are you?",
    /// "What can I ask?", "help me"): no question about the articles; what the bot is for answers it.
    /// </summary>
    public static bool IsHelpRequest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxLength && HelpRequest().IsMatch(text.Trim().Replace('’', '\''));
    }

    /// <summary>A thank-you and nothing else ("thanks!", "thank you very much", "hi, thanks"): no question to answer.</summary>
    public static bool IsThanksAlone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ThanksAlone().IsMatch(text.Trim());
    }

    [GeneratedRegex(@"^(?:hi|hello|hey|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|bot|articlebot))?[\s!.,:)]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GreetingAlone();

    [GeneratedRegex(@"^(?:(?:hi|hello|hey)(?:\s+there)?[\s,!.]+)?(?:(?:so|ok(?:ay)?)[\s,]+)?(?:what\s+(?:can|do)\s+you\s+do(?:\s+for\s+me)?|what\s+(?:can|should)\s+i\s+ask(?:\s+you)?|what\s+(?:are|is)\s+you(?:\s+for)?|what's\s+this\s+bot(?:\s+for)?|what\s+is\s+this\s+bot(?:\s+for)?|who\s+are\s+you|how\s+(?:do|does)\s+(?:you|this)\s+work|how\s+(?:can|do)\s+(?:you|i)\s+(?:help|use\s+(?:you|this))(?:\s+me)?|how\s+do\s+i\s+use\s+(?:you|this)|help(?:\s+me)?|i\s+need\s+help)(?:[\s,]+please)?[\s?!.]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HelpRequest();

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

    /// <summary>
    /// A request for what the articles say about something, worded as people ask it: "Tell me about the elections",
    /// "Can you tell me more about Witkoff?", "What do you know about NATO?", "Anything on sanctions?". "Tell me more"
    /// alone, and "What about Geneva?" (a follow-up's way of asking the last question again), stay as they are.
    /// </summary>
    [GeneratedRegex("""
        ^(?:
            (?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:tell|show|give)\s+me\s+
            (?:(?:a\s+(?:bit|little)\s+)?more\s+|something\s+|anything\s+|everything\s+|all\s+)?(?:about|on)
          | what\s+(?:do|can)\s+you\s+(?:know|tell\s+me|say)\s+about
          | what\s+(?:is|'s)\s+(?:known|there\s+to\s+know)\s+about
          | what\s+(?:does|did)\s+(?:the|this|that)\s+(?:article|story|piece|text)\s+(?:say|tell\s+(?:me|us))\s+(?:about|on|regarding)
          | what\s+(?:do|did)\s+(?:the|these|those)\s+(?:stories|pieces|texts)\s+(?:say|tell\s+(?:me|us))\s+(?:about|on|regarding)
          | (?:is\s+there\s+|do\s+you\s+have\s+|got\s+)?(?:anything|something|any\s+info(?:rmation)?|info(?:rmation)?|any\s+news|news)\s+(?:about|on)
        )
        \s+(?<topic>[^?.!]*[\p{L}\p{N}][^?.!]*?)[\s?.!]*$
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex TopicRequest();

    /// <summary>A "please" after the topic: "Tell me about the plan please".</summary>
    [GeneratedRegex(@",?\s+please$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TopicPlease();

    /// <summary>A topic that is the articles themselves: "the article", "this story", "these texts".</summary>
    [GeneratedRegex(@"^(?:this|these|the|those|your)\s+(?:articles?|texts?|stor(?:y|ies)|documents?|pieces?|news)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ArticlesNamed();

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
