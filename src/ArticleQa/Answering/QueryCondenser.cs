using System.Text.RegularExpressions;
using ArticleQa.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleQa.Answering;

/// <summary>
/// Turns a follow-up ("and where was he?") into a standalone search query. Real LLMs run the <c>Condense</c> prompt; the
/// Local model carries forward the named entities of the previous turn when the question refers back to it.
/// </summary>
public sealed partial class QueryCondenser(IOptions<LlmOptions> llm, Kernel kernel, ILogger<QueryCondenser> logger)
{
    /// <summary>Words that go on with the conversation rather than name a subject: "and then?", "and now?", "and so?".</summary>
    private static readonly HashSet<string> GoingOn = new(StringComparer.OrdinalIgnoreCase) { "then", "now", "so", "also", "too", "else", "more", "next", "in", "on", "at", "about" };

    private static readonly HashSet<string> ReferringWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "him", "her", "them", "his", "hers", "its", "their", "theirs", "there", "that", "this",
        "those", "these", "then", "the same", "also",
    };

    public async Task<string> CondenseAsync(string question, IReadOnlyList<ConversationTurn> history, PromptSet prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(prompts);
        if (history.Count == 0)
        {
            return question;
        }

        if (llm.Value.Provider == LlmProvider.Local)
        {
            return CarryForward(question, history);
        }

        var arguments = new KernelArguments { ["history"] = HistoryText(history), ["question"] = question };
        var result = await prompts[PromptLibrary.CondenseFunction].InvokeAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
        var condensed = (result.GetValue<string>() ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('"');
        if (string.IsNullOrWhiteSpace(condensed))
        {
            logger.LogWarning("Condense returned nothing; searching with the follow-up as asked");
            return question;
        }

        return condensed;
    }

    /// <summary>"User: ..." / "Bot: ..." lines of the recent turns, markers removed.</summary>
    public static string HistoryText(IReadOnlyList<ConversationTurn> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Count == 0
            ? "(none)"
            : string.Join('\n', history.SelectMany(t => new[] { $"User: {t.Question}", $"Bot: {CitationParser.WithoutMarkers(CitationParser.Normalize(t.Answer, 99))}" }));
    }

    /// <summary>
    /// The Local model's condensing against the conversation's last turns (<see cref="CarryForward(string, ConversationTurn)"/>),
    /// where the last question is first asked the way it was condensed: "What did Putin say about the plan?", "And
    /// about Europe?", "What about the elections?" asks the third as "What did Putin say about the elections?".
    /// </summary>
    public static string CarryForward(string question, IReadOnlyList<ConversationTurn> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
        {
            return question;
        }

        // Each earlier question as it was asked standalone, and the last one with a subject of its own: after "What
        // did Putin say about the Ukrainian government?" and "Why?", "When?" is still about the government.
        string? subject = null;
        var asked = "";
        foreach (var turn in history)
        {
            asked = subject is not null && Reframed(turn.Question, subject) is { } reframed ? reframed : TopicFollowUp(turn.Question) ?? turn.Question;
            if (!HasNoSubject(asked))
            {
                subject = asked;
            }
        }

        var previous = history[^1];
        return CarryForward(question, asked == previous.Question ? previous : previous with { Question = asked }, subject ?? asked);
    }

    /// <summary>
    /// The Local model's condensing: a follow-up that asks the last question again about something else ("And about
    /// Europe?", "What about in Geneva?") is that question with it (<see cref="Reframed"/>); "What about Geneva?" or
    /// "And Geneva?", a name and nothing else, is otherwise asked as what the articles say about it
    /// (<see cref="TopicFollowUp"/>); another question that refers back (<see cref="RefersBack"/>) gets the previous
    /// turn's names appended.
    /// </summary>
    public static string CarryForward(string question, ConversationTurn previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        return CarryForward(question, previous, previous.Question);
    }

    /// <summary>
    /// <see cref="CarryForward(string, ConversationTurn)"/>, where a question with no subject of its own ("Why?",
    /// "When?", <see cref="HasNoSubject"/>) also carries <paramref name="subject"/>, the last question that had one
    /// (with only the last turn's names, "Why?" was searched for as the names and got the headline, which has most of
    /// them), and a follow-up that asks again about something else asks that question again: "And about Europe?"
    /// after "What did Putin say about the plan?" and "Why?".
    /// </summary>
    private static string CarryForward(string question, ConversationTurn previous, string subject)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (Reframed(question, subject) is { } reframed)
        {
            return RefersBack(reframed) ? CarryForward(reframed, previous, subject) : reframed;
        }

        if (TopicFollowUp(question) is { } topic)
        {
            return topic;
        }

        if (!RefersBack(question))
        {
            return question;
        }

        var known = TermAnalyzer.Analyze(question).ToHashSet(StringComparer.Ordinal);
        var names = NamedEntities.Find(previous.Question + " " + CitationParser.WithoutMarkers(CitationParser.Normalize(previous.Answer, 99)))
            .Where(name => !TermAnalyzer.Analyze(name).All(known.Contains))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string[] carried =
        [
            .. HasNoSubject(question) && !HasNoSubject(subject) ? new[] { subject.Trim().TrimEnd('?', '.', '!') } : [],
            .. names.Count == 0 ? [] : new[] { string.Join(", ", names) },
        ];
        return carried.Length == 0 ? question : $"{question.TrimEnd()} ({string.Join("; ", carried)})";
    }

    /// <summary>
    /// A question with no content word and no name of its own ("Why?", "And where was he?"). One with a word of its own
    /// is searched for by it: carrying the last question too ("What if they don't withdraw?" after "What did Putin say
    /// about Ukrainian troops?") pulled it to sentences with the last question's words.
    /// </summary>
    internal static bool HasNoSubject(string question) =>
        !NamesItsSubject(question) && Learning.TextFeatures.ContentTerms(question).Count == 0;

    /// <summary>
    /// A pronoun or "there", a leading "and" or "what about", or almost no content words and no name of its own. A
    /// short question that names its subject ("Who is Witkoff?", "What do the articles say about Moscow?", as the
    /// suggested follow-ups ask) stands alone: the previous turn's names would pull it back to that turn's passages.
    /// </summary>
    internal static bool RefersBack(string question)
    {
        var words = Words().Matches(question).Select(m => m.Value).ToList();
        return words.Any(ReferringWords.Contains)
            || question.TrimStart().StartsWith("and ", StringComparison.OrdinalIgnoreCase)
            || question.TrimStart().StartsWith("what about", StringComparison.OrdinalIgnoreCase)
            || (TermAnalyzer.Analyze(question).Count <= 2 && !NamesItsSubject(question));
    }

    /// <summary>
    /// "What about X?", "How about X?" or "And X?" with X a name and nothing else, as the broad question about it the
    /// Local model has an abstention model for ("What do the articles say about X?", <see cref="Learning.TextFeatures.TopicFormOf"/>);
    /// null for any other question. With the Local model the last question cannot be asked again about another name
    /// (a real LLM's <c>Condense</c> prompt does that), and the previous turn's names would pull the question back to
    /// that turn's passages: "What about Geneva?" after "Who will travel to Moscow next week?" was answered with
    /// Witkoff's trip again.
    /// </summary>
    internal static string? TopicFollowUp(string question)
    {
        var match = AboutName().Match(question.Trim());
        if (!match.Success)
        {
            return null;
        }

        var asked = QuestionWording.ArticlesSayAbout(match.Groups["x"].Value);
        return Learning.TextFeatures.TopicFormOf(asked) == Learning.TopicForm.None ? null : asked;
    }

    /// <summary>
    /// The earlier question asked again about what <paramref name="question"/> names, or null when it asks no such
    /// thing: "And about Europe?", "What about the elections?" or "And Europe?" after "What did Putin say about the
    /// plan?" (a question about something: about, regarding, concerning) puts the new subject in place of the old;
    /// "And in Moscow?" or "What about on Monday?" after "What happened to the draft in Geneva?" puts its phrase in
    /// place of the earlier one with the same preposition. Any other earlier question has nothing to put it in.
    /// </summary>
    internal static string? Reframed(string question, string previousQuestion)
    {
        ArgumentNullException.ThrowIfNull(previousQuestion);
        var match = AboutName().Match(question.Trim());
        if (!match.Success)
        {
            return null;
        }

        // A thing, not a question of its own ("And what did Zelensky say?", "And he went where?"), nor a word that
        // goes on ("and then?", "and also Europe?": "also" comes off), and an earlier question that is not itself a
        // follow-up of this kind.
        var subject = AlsoWord().Replace(match.Groups["x"].Value, "");
        if (QuestionStart().IsMatch(subject) || ClauseStart().IsMatch(subject) || Words().Count(subject) > 6
            || !Words().Matches(subject).Any(w => !GoingOn.Contains(w.Value) && TermAnalyzer.Analyze(w.Value).Count > 0)
            || !QuestionStart().IsMatch(previousQuestion) || AboutName().IsMatch(previousQuestion.Trim()))
        {
            return null;
        }

        // "And Rubio?" or "And the mayor?" after "What did Putin say about Europe?" more likely asks what they said,
        // or about them, than what Putin said about them: a name or a person is asked about as before (the articles'
        // broad question, or the question with the last turn's names), unless "about" says it is the topic.
        if (!match.Groups["about"].Success && (Learning.TextFeatures.TopicFormOf(QuestionWording.ArticlesSayAbout(subject)) != Learning.TopicForm.None || PersonNoun().IsMatch(subject)))
        {
            return null;
        }

        var phrase = LeadingPreposition().Match(subject);
        var frame = phrase.Success
            ? Regex.Match(previousQuestion.Trim(), @"^(?<frame>.+\S)\s+" + Regex.Escape(phrase.Groups["p"].Value) + @"\s+[^?.!]+?\s*[?.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
            : AboutFrame().Match(previousQuestion.Trim());
        return frame.Success ? $"{frame.Groups["frame"].Value} {subject}?" : null;
    }

    [GeneratedRegex(@"^(?:(?:and\s+)?(?:what|how)\s+about|and(?<about>\s+about)?)\s+(?<x>[^?.!]+?)\s*[?.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutName();

    [GeneratedRegex(@"^also\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlsoWord();

    /// <summary>A person or a group of people by role, the subject's last word: "the mayor", "the opponents", "Ukrainian officials".</summary>
    [GeneratedRegex(@"\b(?:mayor|president|leader|minister|premier|chancellor|official|opponent|supporter|critic|councill?or|senator|governor|spokes(?:man|woman|person)|envoy|delegation|delegate|king|queen|pope|general|ambassador|diplomat|negotiator|residents?|people|voters?|citizens?|protesters?|workers?|experts?|analysts?|lawmakers?|authorities|journalists?|reporters?)s?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PersonNoun();

    [GeneratedRegex(@"^(?:he|she|it|they|we|you|i|there|that|this)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseStart();

    [GeneratedRegex(@"^(?<p>about|in|on|at|for|from|to|with|during|after|before|since|regarding|concerning)\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingPreposition();

    [GeneratedRegex(@"^(?<frame>.+\b(?:about|regarding|concerning))\s+[^?.!]+?\s*[?.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutFrame();

    [GeneratedRegex(@"^\s*(?:who|whom|whose|what|when|where|which|why|how|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|tell)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuestionStart();

    /// <summary>Whether a name stands in the question after its first word (<see cref="NamedEntities.AfterFirstWord"/>).</summary>
    private static bool NamesItsSubject(string question) => NamedEntities.AfterFirstWord(question).Any();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Words();
}
