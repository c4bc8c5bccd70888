using System.Text.RegularExpressions;
using ArticleQa.Answering.Learning;
using ArticleQa.Evaluation;

namespace ArticleQa.Training;

/// <summary>
/// A SQuAD question reworded the way readers reword an article: one or two of its lower-case content words replaced
/// by a WordNet synonym (<see cref="WordNetSynonyms"/>), so it no longer shares them with the sentence that answers
/// it ("Which cities hosted the talks?" becomes "Which metropolis hosted the talks?"). Same answers and evidence.
/// <c>train</c> rewords the dev split's answerable questions to measure how the models hold up on wording they did
/// not see (training on rewordings measured worse on dev). Deterministic for a given question and seed.
/// </summary>
internal static partial class ParaphrasedQuestions
{
    /// <summary>Suffix of the ids of reworded questions, so figures can tell them from SQuAD's own.</summary>
    public const string IdSuffix = "#reworded";

    private const int MostReplaced = 2;

    /// <summary>The reworded question, or null when none of its words has a synonym.</summary>
    public static EvalQuestion? Create(EvalQuestion question, WordNetSynonyms synonyms, int seed)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(synonyms);
        var random = new Random(seed ^ StableHash(question.Id));
        var words = Word().Matches(question.Question)
            .Where(m => m.Index > 0 && char.IsLower(m.Value[0]) && m.Length >= 3 && TextFeatures.ContentTerms(m.Value).Count > 0)
            .Select(m => (Match: m, Synonyms: synonyms.Of(m.Value)))
            .Where(w => w.Synonyms.Count > 0)
            .ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var chosen = words.OrderBy(_ => random.Next()).Take(random.Next(1, MostReplaced + 1)).OrderByDescending(w => w.Match.Index).ToList();
        var text = question.Question;
        foreach (var (match, options) in chosen)
        {
            text = string.Concat(text.AsSpan(0, match.Index), options[random.Next(Math.Min(options.Count, 3))], text.AsSpan(match.Index + match.Length));
        }

        return question with { Id = question.Id + IdSuffix, Question = text };
    }

    /// <summary>FNV-1a of the id: string.GetHashCode differs between runs.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
