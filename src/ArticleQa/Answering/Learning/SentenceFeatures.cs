using System.Numerics.Tensors;
using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleQa.Answering.Learning;

/// <summary>
/// The one feature extraction of the learned answerer, shared by training (<see cref="AnswerModelTrainer"/>) and the
/// Local model (<see cref="ExtractiveAnswerer"/>), so what was trained is what runs. Sentence features, in
/// <see cref="Names"/> order, for every candidate sentence of one question's sources; then question features for
/// the abstention model from the scored candidates.
/// </summary>
internal static class SentenceFeatures
{
    /// <summary>The sentence scorer's features, in vector order (written into the model card).</summary>
    public static readonly string[] Names =
    [
        "idfCoverage",          // IDF-weighted share of the question's content terms in the sentence (IDF over this question's candidates)
        "passageCoverage",      // the same for the whole passage with its title
        "bigramOverlap",        // share of the question's adjacent content-term pairs adjacent in the sentence
        "sentenceCosine",       // MiniLM cosine of question and sentence
        "passageCosine",        // MiniLM cosine of question and the normalised mean of the passage's sentence vectors
        "questionWord",         // QuestionWord of the question
        "answerTypeHeld",       // 1 when the sentence holds a thing of the kind asked for (name, time, number) the question lacks
        "missingNamesSentence", // share of the question's names the sentence lacks
        "missingNamesPassage",  // share of the question's names the passage and title lack
        "missingNumbers",       // numbers the question names that the sentence lacks
        "negationMismatch",     // exactly one of question and sentence negated
        "order",                // 0-based place of the sentence in its passage
        "rank",                 // 0-based retrieval rank of its passage
        "retrievalScore",       // fused retrieval score of its passage (missing when unknown)
        "retrievalGap",         // best retrieval score minus its passage's
        "coverageMargin",       // its idfCoverage minus the best idfCoverage of any other candidate
        "cosineMargin",         // its sentenceCosine minus the best sentenceCosine of any other candidate
        "novelShare",           // share of the sentence's content terms not in the question
        "sentenceTerms",        // content terms in the sentence
        "questionTerms",        // content terms in the question
        "coverageRank",         // 0-based place of its idfCoverage among the question's candidates (ties share the better place)
        "cosineRank",           // the same for sentenceCosine
        "windowCoverage",       // idfCoverage of the sentence with its neighbours in the passage (the question may name what "it" refers to)
        "titleCoverage",        // idfCoverage of its passage's title
        "maxMissingIdf",        // the largest IDF share of a question term the sentence lacks
        "matchedTerms",         // question content terms present in the sentence (unweighted)
        "tokenAlignment",       // soft token alignment: mean over the question's content word-pieces of the best MiniLM contextual cosine with the sentence's (0 when either has none)
        "windowAlignment",      // the same against the sentence with its neighbours in the passage
        "alignmentMargin",      // its tokenAlignment minus the best tokenAlignment of any other candidate
        "weakestAlignment",     // the lowest of the question's word-pieces' best cosines with the sentence: what it asks that the sentence does not say
    ];

    /// <summary>One feature vector per candidate, in candidate order.</summary>
    public static float[][] Extract(string question, float[] questionVector, IReadOnlyList<CandidateSentence> candidates, TokenVectors questionTokens)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(candidates);
        var questionTerms = TextFeatures.ContentTerms(question);
        var questionSet = questionTerms.ToHashSet(StringComparer.Ordinal);
        var sentenceTerms = candidates.Select(c => TermAnalyzer.Analyze(c.Sentence)).ToList();
        var sentenceSets = sentenceTerms.Select(t => (IReadOnlySet<string>)t.ToHashSet(StringComparer.Ordinal)).ToList();
        var idf = InverseDocumentFrequency(questionSet, sentenceSets);
        var coverage = sentenceSets.Select(s => TextFeatures.WeightedCoverage(idf, s)).ToArray();
        var cosines = candidates.Select(c => TensorPrimitives.CosineSimilarity(questionVector, c.Vector)).ToArray();
        var passageCosines = PassageCosines(questionVector, candidates);
        var passageCoverage = new Dictionary<int, double>();
        var bestScore = candidates.Select(c => c.RetrievalScore).Where(s => !double.IsNaN(s)).DefaultIfEmpty(double.NaN).Max();
        var coverageRanks = Ranks(coverage);
        var cosineRanks = Ranks(cosines.Select(x => (double)x).ToArray());
        var totalIdf = idf.Values.Sum();
        var expected = AnswerTypes.Expected(question);
        var word = TextFeatures.WordOf(question);
        ArgumentNullException.ThrowIfNull(questionTokens);
        var best = candidates.Select(c => questionTokens.BestCosines(c.Tokens)).ToArray();
        var alignment = best.Select(b => b.Length == 0 ? 0 : (double)b.Average()).ToArray();
        var rows = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (!passageCoverage.TryGetValue(c.SourceNumber, out var pc))
            {
                pc = TextFeatures.WeightedCoverage(idf, TermAnalyzer.Analyze(c.Title + "\n" + c.Passage).ToHashSet(StringComparer.Ordinal));
                passageCoverage[c.SourceNumber] = pc;
            }

            rows[i] =
            [
                (float)coverage[i],
                (float)pc,
                (float)TextFeatures.BigramOverlap(questionTerms, sentenceTerms[i]),
                cosines[i],
                passageCosines[c.SourceNumber],
                (float)word,
                AnswerTypes.Holds(expected, c.Sentence, question) ? 1 : 0,
                (float)TextFeatures.MissingNames(question, c.Sentence),
                (float)TextFeatures.MissingNames(question, c.Title + "\n" + c.Passage),
                TextFeatures.MissingNumbers(question, c.Sentence),
                TextFeatures.NegationMismatch(question, c.Sentence),
                c.Order,
                c.Rank,
                (float)c.RetrievalScore,
                (float)(bestScore - c.RetrievalScore),
                (float)(coverage[i] - BestOther(coverage, i)),
                cosines[i] - (float)BestOther(cosines.Select(x => (double)x).ToArray(), i),
                (float)TextFeatures.NovelShare(questionSet, sentenceTerms[i]),
                sentenceTerms[i].Count,
                questionTerms.Count,
                coverageRanks[i],
                cosineRanks[i],
                (float)TextFeatures.WeightedCoverage(idf, Window(candidates, sentenceSets, i)),
                (float)TextFeatures.WeightedCoverage(idf, TermAnalyzer.Analyze(c.Title).ToHashSet(StringComparer.Ordinal)),
                totalIdf <= 0 ? 0 : (float)(idf.Where(t => !sentenceSets[i].Contains(t.Key)).Select(t => t.Value).DefaultIfEmpty(0).Max() / totalIdf),
                questionSet.Count(sentenceSets[i].Contains),
                (float)alignment[i],
                WindowAlignment(candidates, best, i),
                (float)(alignment[i] - BestOther(alignment, i)),
                best[i].Length == 0 ? 0 : best[i].Min(),
            ];
        }

        return rows;
    }

    /// <summary>The terms of candidate <paramref name="i"/> and of its neighbours in the same passage.</summary>
    private static HashSet<string> Window(IReadOnlyList<CandidateSentence> candidates, List<IReadOnlySet<string>> sets, int i)
    {
        var window = new HashSet<string>(sets[i], StringComparer.Ordinal);
        foreach (var j in new[] { i - 1, i + 1 })
        {
            if (j >= 0 && j < candidates.Count && candidates[j].SourceNumber == candidates[i].SourceNumber)
            {
                window.UnionWith(sets[j]);
            }
        }

        return window;
    }

    /// <summary>
    /// The tokenAlignment of candidate <paramref name="i"/> with its neighbours in the same passage: each question
    /// word-piece's best cosine over the window is the largest of its best cosines per sentence.
    /// </summary>
    private static float WindowAlignment(IReadOnlyList<CandidateSentence> candidates, float[][] best, int i)
    {
        var window = new[] { i - 1, i, i + 1 }
            .Where(j => j >= 0 && j < candidates.Count && candidates[j].SourceNumber == candidates[i].SourceNumber && best[j].Length > 0)
            .Select(j => best[j])
            .ToList();
        if (window.Count == 0)
        {
            return 0;
        }

        var max = window[0].ToArray();
        foreach (var other in window.Skip(1))
        {
            TensorPrimitives.Max(max, other, max);
        }

        return max.Average();
    }

    /// <summary>0-based rank of each value, highest first; equal values share the better rank.</summary>
    private static float[] Ranks(double[] values) =>
        values.Select(v => (float)values.Count(other => other > v)).ToArray();

    private static double BestOther(double[] values, int except)
    {
        var best = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            if (i != except && values[i] > best)
            {
                best = values[i];
            }
        }

        return double.IsNegativeInfinity(best) ? 0 : best;
    }

    private static Dictionary<int, float> PassageCosines(float[] questionVector, IReadOnlyList<CandidateSentence> candidates)
    {
        var result = new Dictionary<int, float>();
        foreach (var group in candidates.GroupBy(c => c.SourceNumber))
        {
            var mean = new float[questionVector.Length];
            foreach (var c in group)
            {
                TensorPrimitives.Add(mean, c.Vector, mean);
            }

            result[group.Key] = TensorPrimitives.CosineSimilarity(questionVector, mean);
        }

        return result;
    }

    /// <summary>log(1 + N / (1 + df)) of each question term over the N candidate sentences.</summary>
    private static Dictionary<string, double> InverseDocumentFrequency(HashSet<string> terms, List<IReadOnlySet<string>> sentences) =>
        terms.ToDictionary(
            t => t,
            t => Math.Log(1 + ((double)sentences.Count / (1 + sentences.Count(s => s.Contains(t))))),
            StringComparer.Ordinal);
}
