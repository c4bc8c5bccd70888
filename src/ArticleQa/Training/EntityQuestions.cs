using ArticleQa.Answering;
using ArticleQa.Evaluation;
using ArticleQa.Text;

namespace ArticleQa.Training;

/// <summary>
/// Broad questions about a name, worded as readers and the follow-up suggestions ask them ("Who is X?", "What
/// happened in X?", "What is X?", "What do the articles say about X?"), which SQuAD hardly has. Answerable: a name
/// the follow-ups would ask about (<see cref="FollowUpGenerator.NamesWorthAsking"/>), any sentence naming it an
/// answer. Unanswerable: a name only other articles of the same split mention, asked of the article alone (a
/// collection that never names it). Deterministic.
/// </summary>
internal static class EntityQuestions
{
    /// <summary>Names asked about per article, each way.</summary>
    public const int PerArticle = 30;

    /// <summary>Prefix of the ids of these questions, so figures can tell them from SQuAD's.</summary>
    public const string IdPrefix = "entity:";

    /// <summary>The answerable and unanswerable entity questions of each of <paramref name="articles"/>, by title.</summary>
    public static Dictionary<string, (List<EvalQuestion> Answerable, List<EvalQuestion> Unanswerable)> Create(IReadOnlyList<SquadArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var texts = articles.ToDictionary(a => a.Title, a => string.Join("\n\n", a.Paragraphs), StringComparer.Ordinal);
        var names = articles.ToDictionary(a => a.Title, a => Names(texts[a.Title]), StringComparer.Ordinal);
        var result = new Dictionary<string, (List<EvalQuestion>, List<EvalQuestion>)>(StringComparer.Ordinal);
        foreach (var (article, index) in articles.Select((a, i) => (a, i)))
        {
            var text = texts[article.Title];
            var answerable = names[article.Title].Take(PerArticle)
                .Select((name, i) => Question($"{IdPrefix}{article.Title}:a{i}", name, text, i, answerable: true))
                .ToList();
            var foreign = articles.Where(other => other.Title != article.Title)
                .SelectMany(other => names[other.Title].Take(PerArticle).Select(name => (name, other.Title)))
                .Where(n => !text.Contains(n.name, StringComparison.OrdinalIgnoreCase))
                .DistinctBy(n => n.name, StringComparer.Ordinal)
                .ToList();
            var random = new Random(SquadSplit.Default.Seed + index);
            var unanswerable = foreign.OrderBy(_ => random.Next()).Take(PerArticle)
                .Select((n, i) => Question($"{IdPrefix}{article.Title}:u{i}", n.name, texts[n.Title], i, answerable: false))
                .ToList();
            result[article.Title] = (answerable, unanswerable);
        }

        return result;
    }

    /// <summary>The names the follow-up suggestions would ask about, with a search term in them.</summary>
    internal static List<string> Names(string text) =>
        [.. FollowUpGenerator.NamesWorthAsking(text).Where(name => TermAnalyzer.Analyze(name).Count > 0)];

    /// <summary>Every other question takes the specific wording, the rest the open one (as the follow-ups do).</summary>
    private static EvalQuestion Question(string id, string name, string text, int i, bool answerable)
    {
        var wordings = FollowUpGenerator.QuestionsAbout(name, text);
        return new EvalQuestion(id, wordings[i % 2 == 0 ? 0 : 1], answerable ? [name] : [], "", answerable);
    }
}
