using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleQa.Answering.Learning;

/// <summary>
/// The abstention model's features: the sentence scorer's calibrated output over all candidates of a question, and
/// question-level facts about what the sources lack. In <see cref="Names"/> order.
/// </summary>
internal static class QuestionFeatures
{
    public static readonly string[] Names =
    [
        "bestProbability",      // the scorer's calibrated P(answers) of the best candidate
        "secondProbability",    // of the runner-up
        "probabilityMargin",    // best minus runner-up
        "bestCoverage",         // idfCoverage of the best candidate
        "bestCosine",           // sentenceCosine of the best candidate
        "bestMissingNames",     // missingNamesSentence of the best candidate
        "bestMissingNumbers",   // missingNumbers of the best candidate
        "bestNegationMismatch", // negationMismatch of the best candidate
        "bestAlignment",        // tokenAlignment of the best candidate
        "bestWeakestAlignment", // weakestAlignment of the best candidate
        "topRetrievalScore",    // fused retrieval score of the first source (missing when unknown)
        "retrievalMargin",      // first minus second source's retrieval score
        "unknownTerms",         // share of the question's content terms that no source (or title) contains
        "missingNamesAll",      // share of the question's names that no source (or title) contains
        "missingNumbersAll",    // numbers the question names that no source contains
        "questionWord",         // QuestionWord of the question
        "questionTerms",        // content terms in the question
        "weakestAlignmentAll",  // the lowest of the question's word-pieces' best MiniLM cosines with any word-piece of any source: what no source says, softly
        "alignmentAll",         // the mean of those best cosines
    ];

    /// <summary>The features of one question given its candidates, their sentence features and scorer probabilities.</summary>
    public static float[] Extract(string question, IReadOnlyList<CandidateSentence> candidates, float[][] sentenceFeatures, float[] probabilities, TokenVectors questionTokens) =>
        Combine(Facts(question, candidates, questionTokens), sentenceFeatures, probabilities);

    /// <summary>What does not depend on the scorer: retrieval scores and what no source contains (the last nine features).</summary>
    public static float[] Facts(string question, IReadOnlyList<CandidateSentence> candidates, TokenVectors questionTokens)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var all = string.Join("\n", candidates.Select(c => (c.SourceNumber, c.Title, c.Passage)).Distinct().Select(p => p.Title + "\n" + p.Passage));
        var known = TermAnalyzer.Analyze(all).ToHashSet(StringComparer.Ordinal);
        var terms = TextFeatures.ContentTerms(question);
        var scores = candidates.GroupBy(c => c.Rank).OrderBy(g => g.Key).Select(g => g.First().RetrievalScore).ToList();
        ArgumentNullException.ThrowIfNull(questionTokens);
        var best = questionTokens.BestCosines([.. candidates.Select(c => c.Tokens)]);
        return
        [
            scores.Count > 0 ? (float)scores[0] : float.NaN,
            scores.Count > 1 ? (float)(scores[0] - scores[1]) : float.NaN,
            terms.Count == 0 ? 1 : (float)TextFeatures.UnknownTerms(question, terms, known, all) / terms.Count,
            (float)TextFeatures.MissingNames(question, all),
            TextFeatures.MissingNumbers(question, all),
            (float)TextFeatures.WordOf(question),
            terms.Count,
            best.Length == 0 ? 0 : best.Min(),
            best.Length == 0 ? 0 : best.Average(),
        ];
    }

    /// <summary>The scorer-dependent features followed by <paramref name="facts"/>.</summary>
    public static float[] Combine(float[] facts, float[][] sentenceFeatures, float[] probabilities)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(sentenceFeatures);
        ArgumentNullException.ThrowIfNull(probabilities);
        var order = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).ToArray();
        var best = order.Length > 0 ? order[0] : -1;
        var second = order.Length > 1 ? probabilities[order[1]] : 0;
        float F(string name) => best < 0 ? float.NaN : sentenceFeatures[best][Array.IndexOf(SentenceFeatures.Names, name)];
        float[] scored =
        [
            best < 0 ? 0 : probabilities[best],
            second,
            best < 0 ? 0 : probabilities[best] - second,
            F("idfCoverage"),
            F("sentenceCosine"),
            F("missingNamesSentence"),
            F("missingNumbers"),
            F("negationMismatch"),
            F("tokenAlignment"),
            F("weakestAlignment"),
        ];
        return [.. scored, .. facts];
    }
}
