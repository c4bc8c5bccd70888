using ArticleQa.Answering.Learning;
using ArticleQa.Retrieval;
using ArticleQa.Text;

namespace ArticleQa.Ranking;

/// <summary>
/// The passage reranker's features for one question's fused candidates, shared by training and serving so what was
/// trained is what runs. Everything comes from the candidates' texts, their two retrieval scores, the index's IDF and
/// how the candidates' sentences match the question in MiniLM (<see cref="SentenceMatches"/>, kept per sentence):
/// nothing depends on the size of the index, so reranking 30 candidates costs the same at 10 or 100k passages.
/// </summary>
internal static class PassageFeatures
{
    /// <summary>The features, in vector order (written into the model card).</summary>
    public static readonly string[] Names =
    [
        "fused",              // fused retrieval score
        "dense",              // cosine of question and passage embeddings
        "lexical",            // BM25 scaled by the query's reachable maximum
        "fusedRank",          // 0-based place among the candidates by fused score
        "denseRank",          // the same by dense score
        "lexicalRank",        // the same by lexical score
        "fusedGap",           // best candidate's fused score minus its
        "denseGap",           // the same for dense
        "lexicalGap",         // the same for lexical
        "idfCoverage",        // IDF-weighted share of the question's content terms in the passage
        "titleCoverage",      // the same for the article title
        "bigramOverlap",      // share of the question's adjacent content-term pairs adjacent in the passage
        "missingNames",       // share of the question's names that passage and title lack
        "missingNumbers",     // numbers the question names that the passage lacks
        "passageTerms",       // analysed terms in the passage (length)
        "questionTerms",      // content terms in the question
        "bestSentenceCoverage", // the highest idfCoverage of one of its sentences
        "bestSentenceBigrams",  // the highest bigramOverlap of one of its sentences
        "coverageRank",       // 0-based place of its idfCoverage among the candidates
        "coverageGap",        // best candidate's idfCoverage minus its
        "maxMissingIdf",      // the largest IDF share of a question term the passage lacks
        "questionWord",       // QuestionWord of the question
        "ordinal",            // 0-based place of the passage in its article
        "articleShare",       // share of the candidates from its article
        "articleBestRank",    // fused rank of its article's best candidate
        "articleBestDense",   // the highest dense score among its article's candidates
        "articleBestLexical", // the highest lexical score among its article's candidates
        "articleCoverage",    // idfCoverage of the question by all its article's candidates together
        "bestSentenceCosine", // the highest MiniLM cosine of the question with one of its sentences
        "sentenceCosineRank", // 0-based place of its bestSentenceCosine among the candidates
        "sentenceCosineGap",  // best candidate's bestSentenceCosine minus its
        "secondSentenceCosine", // its second-highest sentence cosine (0 for a passage of one sentence)
        "bestSentenceAlignment", // the highest soft token alignment of the question with one of its sentences
        "sentenceAlignmentRank", // 0-based place of its bestSentenceAlignment among the candidates
        "sentenceAlignmentGap",  // best candidate's bestSentenceAlignment minus its
        "passageAlignment",      // soft token alignment of the question with all its sentences together
    ];

    /// <summary>
    /// One feature vector per candidate, in candidate order (the fused order, best first). <paramref name="matches"/>
    /// holds how each candidate's sentences match the question, as <see cref="SentenceMatches.OfAsync"/> gives them.
    /// </summary>
    public static float[][] Extract(string question, IReadOnlyList<RetrievedPassage> candidates, Func<IEnumerable<string>, IReadOnlyDictionary<string, double>> idfOf, IReadOnlyList<PassageSentenceMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(idfOf);
        ArgumentNullException.ThrowIfNull(matches);
        if (matches.Count != candidates.Count)
        {
            throw new ArgumentException($"Sentence matches for {matches.Count} passages, but {candidates.Count} candidates.", nameof(matches));
        }

        var sorted = matches.Select(c => c.Cosines.OrderDescending().ToArray()).ToList();
        var bestCosine = sorted.Select(c => c.Length == 0 ? 0.0 : c[0]).ToArray();
        var cosineRanks = Ranks(bestCosine);
        var bestAlignment = matches.Select(c => c.Alignments.Length == 0 ? 0.0 : c.Alignments.Max()).ToArray();
        var alignmentRanks = Ranks(bestAlignment);
        var questionTerms = TextFeatures.ContentTerms(question);
        var idf = idfOf(questionTerms);
        var totalIdf = idf.Values.Sum();
        var passageTerms = candidates.Select(c => TermAnalyzer.Analyze(c.Passage.Text)).ToList();
        var passageSets = passageTerms.Select(t => (IReadOnlySet<string>)t.ToHashSet(StringComparer.Ordinal)).ToList();
        var coverage = passageSets.Select(s => TextFeatures.WeightedCoverage(idf, s)).ToArray();
        var fused = candidates.Select(c => c.Score).ToArray();
        var dense = candidates.Select(c => double.IsNaN(c.Dense) ? 0 : c.Dense).ToArray();
        var lexical = candidates.Select(c => double.IsNaN(c.Lexical) ? 0 : c.Lexical).ToArray();
        var (fusedRanks, denseRanks, lexicalRanks, coverageRanks) = (Ranks(fused), Ranks(dense), Ranks(lexical), Ranks(coverage));
        var articleCounts = candidates.GroupBy(c => c.Article.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var articleBest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            articleBest.TryAdd(candidates[i].Article.Id, fusedRanks[i]);
            articleBest[candidates[i].Article.Id] = Math.Min(articleBest[candidates[i].Article.Id], fusedRanks[i]);
        }

        var byArticle = Enumerable.Range(0, candidates.Count).GroupBy(i => candidates[i].Article.Id, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (Dense: g.Max(i => dense[i]), Lexical: g.Max(i => lexical[i]), Coverage: TextFeatures.WeightedCoverage(idf, g.SelectMany(i => passageSets[i]).ToHashSet(StringComparer.Ordinal))),
            StringComparer.Ordinal);
        var word = TextFeatures.WordOf(question);
        var rows = new float[candidates.Count][];
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var text = c.Passage.Text;
            var sentences = SentenceSplitter.Split(text).Select(s => TermAnalyzer.Analyze(s.Of(text))).ToList();
            rows[i] =
            [
                (float)fused[i],
                (float)dense[i],
                (float)lexical[i],
                fusedRanks[i],
                denseRanks[i],
                lexicalRanks[i],
                (float)(fused.Max() - fused[i]),
                (float)(dense.Max() - dense[i]),
                (float)(lexical.Max() - lexical[i]),
                (float)coverage[i],
                (float)TextFeatures.WeightedCoverage(idf, TermAnalyzer.Analyze(c.Article.Title).ToHashSet(StringComparer.Ordinal)),
                (float)TextFeatures.BigramOverlap(questionTerms, passageTerms[i]),
                (float)TextFeatures.MissingNames(question, c.Article.Title + "\n" + text),
                TextFeatures.MissingNumbers(question, text),
                passageTerms[i].Count,
                questionTerms.Count,
                (float)sentences.Select(s => TextFeatures.WeightedCoverage(idf, s.ToHashSet(StringComparer.Ordinal))).DefaultIfEmpty(0).Max(),
                (float)sentences.Select(s => TextFeatures.BigramOverlap(questionTerms, s)).DefaultIfEmpty(0).Max(),
                coverageRanks[i],
                (float)(coverage.Max() - coverage[i]),
                totalIdf <= 0 ? 0 : (float)(idf.Where(t => !passageSets[i].Contains(t.Key)).Select(t => t.Value).DefaultIfEmpty(0).Max() / totalIdf),
                (float)word,
                c.Passage.Ordinal,
                (float)articleCounts[c.Article.Id] / candidates.Count,
                articleBest[c.Article.Id],
                (float)byArticle[c.Article.Id].Dense,
                (float)byArticle[c.Article.Id].Lexical,
                (float)byArticle[c.Article.Id].Coverage,
                (float)bestCosine[i],
                cosineRanks[i],
                (float)(bestCosine.Max() - bestCosine[i]),
                sorted[i].Length > 1 ? sorted[i][1] : 0,
                (float)bestAlignment[i],
                alignmentRanks[i],
                (float)(bestAlignment.Max() - bestAlignment[i]),
                matches[i].PassageAlignment,
            ];
        }

        return rows;
    }

    /// <summary>0-based place of each value, highest first; ties share the better place.</summary>
    private static int[] Ranks(double[] values) =>
        values.Select(v => values.Count(o => o > v)).ToArray();
}
