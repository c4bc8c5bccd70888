using System.Text.RegularExpressions;
using ArticleQa.Text;

namespace ArticleQa.Answering.Learning;

/// <summary>
/// The pure text functions the learned answerer's features are made of. Each is a documented function of
/// (question, sentence, passage) text, pinned by a table test; <see cref="SentenceFeatures"/> assembles them.
/// </summary>
internal static partial class TextFeatures
{
    private static readonly HashSet<string> QuestionWords = new(StringComparer.Ordinal)
    {
        // Stemmed question and auxiliary words: they say what is asked, not what the answer contains.
        "who", "what", "when", "where", "which", "why", "how", "whom", "whose", "did", "do", "doe", "ha", "have", "had",
        "mani", "much", "can", "could", "would", "should", "shall", "mai", "might", "must",
        "he", "she", "him", "her", "hi", "them", "we", "you", "i", "me", "us", "our", "your",
    };

    /// <summary>The question's content terms (stemmed, stop words and question words dropped), in order.</summary>
    public static IReadOnlyList<string> ContentTerms(string question) =>
        TermAnalyzer.Analyze(question).Where(t => !QuestionWords.Contains(t)).ToList();

    /// <summary>Share of <paramref name="weights"/>' total weight whose terms occur in <paramref name="terms"/> (0 when there is no weight).</summary>
    public static double WeightedCoverage(IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> terms)
    {
        var total = weights.Values.Sum();
        return total <= 0 ? 0 : weights.Where(w => terms.Contains(w.Key)).Sum(w => w.Value) / total;
    }

    /// <summary>Share of the question's adjacent content-term pairs that are also adjacent in the sentence (0 without pairs).</summary>
    public static double BigramOverlap(IReadOnlyList<string> questionTerms, IReadOnlyList<string> sentenceTerms)
    {
        if (questionTerms.Count < 2)
        {
            return 0;
        }

        var sentencePairs = sentenceTerms.Zip(sentenceTerms.Skip(1), (a, b) => a + " " + b).ToHashSet(StringComparer.Ordinal);
        var pairs = questionTerms.Zip(questionTerms.Skip(1), (a, b) => a + " " + b).Distinct(StringComparer.Ordinal).ToList();
        return (double)pairs.Count(sentencePairs.Contains) / pairs.Count;
    }

    /// <summary>
    /// Share of the names the question mentions (capitalised runs) that <paramref name="text"/> does not contain,
    /// case-insensitively (0 without names). A name that is an adjective of one ("American") counts as there when
    /// the text names what it stands for ("the US"): <see cref="ProperAdjectives"/>.
    /// </summary>
    public static double MissingNames(string question, string text)
    {
        var names = NamedEntities.Find(question).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names.Count == 0 ? 0 : (double)names.Count(n => !text.Contains(n, StringComparison.OrdinalIgnoreCase) && !ProperAdjectives.Mentioned(n, text)) / names.Count;
    }

    /// <summary>
    /// The question's content terms (<see cref="ContentTerms"/>) that <paramref name="text"/>'s terms
    /// (<paramref name="known"/>) lack, counting the term of a proper adjective as there when the text names what it
    /// stands for ("American" or "american" when it names the US).
    /// </summary>
    public static int UnknownTerms(string question, IReadOnlyList<string> terms, IReadOnlySet<string> known, string text)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(known);
        var unknown = terms.Where(t => !known.Contains(t)).ToList();
        if (unknown.Count == 0)
        {
            return 0;
        }

        // Typed in lower case too ("who is the american envoy?"): a word is looked up with its first letter capitalised.
        var named = WordRun().Matches(question)
            .Select(m => char.ToUpperInvariant(m.Value[0]) + m.Value[1..])
            .Where(w => ProperAdjectives.Mentioned(w, text))
            .SelectMany(TermAnalyzer.Analyze)
            .ToHashSet(StringComparer.Ordinal);
        return unknown.Count(t => !named.Contains(t));
    }

    /// <summary>How many numbers (digits or number words) the question names that <paramref name="text"/> does not contain.</summary>
    public static int MissingNumbers(string question, string text) =>
        AnswerTypes.NumbersIn(question).Distinct(StringComparer.OrdinalIgnoreCase).Count(n => !ContainsWord(text, n));

    /// <summary>1 when exactly one of question and sentence is negated (not, no, never, n't, without ...), else 0.</summary>
    public static int NegationMismatch(string question, string sentence) =>
        Negation().IsMatch(question) != Negation().IsMatch(sentence) ? 1 : 0;

    /// <summary>Share of the sentence's content terms that are not in the question: what the sentence adds (0 for an empty sentence).</summary>
    public static double NovelShare(IReadOnlySet<string> questionTerms, IReadOnlyList<string> sentenceTerms) =>
        sentenceTerms.Count == 0 ? 0 : (double)sentenceTerms.Count(t => !questionTerms.Contains(t)) / sentenceTerms.Count;

    /// <summary>The question's leading wh-word ("how many" and "how much" apart from other "how").</summary>
    public static QuestionWord WordOf(string question)
    {
        var match = WhWord().Match(question);
        return !match.Success ? QuestionWord.Other : match.Groups[1].Value.ToLowerInvariant() switch
        {
            "what" => QuestionWord.What,
            "which" => QuestionWord.Which,
            "who" or "whom" or "whose" => QuestionWord.Who,
            "when" => QuestionWord.When,
            "where" => QuestionWord.Where,
            "why" => QuestionWord.Why,
            var w when w.StartsWith("how ", StringComparison.Ordinal) => QuestionWord.HowMuch,
            _ => QuestionWord.How,
        };
    }

    /// <summary>
    /// The broad question about a name the question is worded as, the wordings of the follow-up suggestions and of
    /// the topic requests the engine rewrites ("Tell me about Geneva"), which any sentence naming it answers:
    /// "What do the articles say about X?", "What happened in X?", "Who is X?" and "What is X?", X a name and nothing
    /// else ("Russia's GDP" is not one). Those are what <c>train</c>'s entity questions ask; SQuAD's own "Who is ...?"
    /// and "What is ...?", or a topic in lower case ("sanctions"), ask about something else.
    /// </summary>
    public static TopicForm TopicFormOf(string question) => TopicOf(question).Form;

    /// <summary>The broad question's form (<see cref="TopicFormOf"/>) and the name it asks about; null when it is none.</summary>
    public static (TopicForm Form, string? Name) TopicOf(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = TopicQuestion().Match(question.Trim());
        if (!match.Success)
        {
            return (TopicForm.None, null);
        }

        var form = match.Groups["form"].Value.ToLowerInvariant() switch
        {
            "what do the articles say about" => TopicForm.ArticlesSayAbout,
            "what happened in" => TopicForm.HappenedIn,
            "who is" => TopicForm.WhoIs,
            _ => TopicForm.WhatIs,
        };
        var name = match.Groups["x"].Value;
        return NameAlone().IsMatch(name) && !Possessive().IsMatch(name) ? (form, name) : (TopicForm.None, null);
    }

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, @"(?<![\p{L}\d])" + Regex.Escape(word) + @"(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordRun();

    [GeneratedRegex(@"^(?<form>what do the articles say about|what happened in|who is|what is)\s+(?<x>.+?)\s*\?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TopicQuestion();

    /// <summary>
    /// A name and nothing else: capitalised words, with "of", "the", "de" and the like between them and numbers after
    /// the first ("Vision 2030"); a year or a date is no name ("What happened in 1973?").
    /// </summary>
    [GeneratedRegex(@"^(?:the\s+)?\p{Lu}[\p{L}\d.'’&-]*(?:\s+(?:(?:of|the|de|da|del|von|van|and|for|la|le)\s+)*[\p{Lu}\d][\p{L}\d.'’&-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameAlone();

    [GeneratedRegex(@"['’]s\s")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"\b(not|no|never|none|neither|nor|without|cannot|nothing|nobody)\b|n't\b|n’t\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"\b(how (?:many|much|long|old|far|large|big|often)|what|which|whom|whose|who|when|where|why|how)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WhWord();
}
