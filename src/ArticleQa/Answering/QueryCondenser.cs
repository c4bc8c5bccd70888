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
            return CarryForward(question, history[^1]);
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
    /// The Local model's condensing: "What about Geneva?" or "And Geneva?", a name and nothing else, is asked as what
    /// the articles say about it (<see cref="TopicFollowUp"/>); another question that refers back
    /// (<see cref="RefersBack"/>) gets the previous turn's names appended.
    /// </summary>
    public static string CarryForward(string question, ConversationTurn previous)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(previous);
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
        return names.Count == 0 ? question : $"{question.TrimEnd()} ({string.Join(", ", names)})";
    }

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

    [GeneratedRegex(@"^(?:(?:and\s+)?(?:what|how)\s+about|and)\s+(?<x>[^?.!]+?)\s*[?.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AboutName();

    /// <summary>Whether a name stands in the question after its first word (<see cref="NamedEntities.AfterFirstWord"/>).</summary>
    private static bool NamesItsSubject(string question) => NamedEntities.AfterFirstWord(question).Any();

    [GeneratedRegex(@"[\p{L}']+")]
    private static partial Regex Words();
}
