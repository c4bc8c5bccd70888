using ArticleQa.Text;

namespace ArticleQa.Retrieval;

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75, Lucene's idf <c>ln(1 + (N - df + 0.5) / (df + 0.5))</c>) over passages analysed by
/// <see cref="TermAnalyzer"/> (stemming, stop words). Postings are stored compactly (CSR arrays); immutable.
/// </summary>
internal sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    private readonly Dictionary<string, int> _termIds;
    private readonly int[] _postingStart;
    private readonly int[] _postingPassage;
    private readonly ushort[] _postingFrequency;
    private readonly float[] _lengthNorm;

    public Bm25Index(IReadOnlyList<string> vocabulary, IReadOnlyList<TermCounts> passages)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(passages);
        _termIds = vocabulary.Select((term, id) => (term, id)).ToDictionary(p => p.term, p => p.id, StringComparer.Ordinal);
        PassageCount = passages.Count;
        var documentFrequency = new int[vocabulary.Count];
        foreach (var passage in passages)
        {
            foreach (var term in passage.TermIds)
            {
                documentFrequency[term]++;
            }
        }

        _postingStart = new int[vocabulary.Count + 1];
        for (var t = 0; t < vocabulary.Count; t++)
        {
            _postingStart[t + 1] = _postingStart[t] + documentFrequency[t];
        }

        _postingPassage = new int[_postingStart[^1]];
        _postingFrequency = new ushort[_postingStart[^1]];
        var fill = (int[])_postingStart.Clone();
        for (var p = 0; p < passages.Count; p++)
        {
            for (var i = 0; i < passages[p].TermIds.Length; i++)
            {
                var slot = fill[passages[p].TermIds[i]]++;
                _postingPassage[slot] = p;
                _postingFrequency[slot] = passages[p].Frequencies[i];
            }
        }

        var lengths = passages.Select(p => (float)p.Length).ToArray();
        var average = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        _lengthNorm = lengths.Select(length => K1 * (1 - B + (B * length / average))).ToArray();
    }

    public int PassageCount { get; }

    /// <summary>Lucene's idf of an analysed term; 0 for a term no passage has (it cannot tell passages apart).</summary>
    public double InverseDocumentFrequency(string term)
    {
        if (!_termIds.TryGetValue(term, out var id))
        {
            return 0;
        }

        var df = _postingStart[id + 1] - _postingStart[id];
        return Math.Log(1 + ((PassageCount - df + 0.5) / (df + 0.5)));
    }

    /// <summary>How many passages contain the analysed <paramref name="term"/>.</summary>
    public int DocumentFrequency(string term) =>
        _termIds.TryGetValue(term, out var id) ? _postingStart[id + 1] - _postingStart[id] : 0;

    /// <summary>The passages (index order) that contain the analysed <paramref name="term"/>, at most <paramref name="limit"/>.</summary>
    public ReadOnlySpan<int> PassagesWith(string term, int limit) =>
        _termIds.TryGetValue(term, out var id)
            ? _postingPassage.AsSpan(_postingStart[id], Math.Min(limit, _postingStart[id + 1] - _postingStart[id]))
            : [];

    /// <summary>
    /// Adds every passage's BM25 score for <paramref name="queryTerms"/> into <paramref name="scores"/> (one slot per
    /// passage) and returns the highest score a passage could reach for this query (all terms, high frequency),
    /// which callers use to scale scores into 0..1.
    /// </summary>
    public float Score(IReadOnlyList<string> queryTerms, Span<float> scores)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        var maxPossible = 0f;
        foreach (var term in queryTerms)
        {
            // A term no passage has still counts towards what a perfect match would score, so a query whose rare
            // words are all unknown does not look like a strong match on its common ones.
            var known = _termIds.TryGetValue(term, out var id);
            var df = known ? _postingStart[id + 1] - _postingStart[id] : 0;
            var idf = (float)Math.Log(1 + ((PassageCount - df + 0.5) / (df + 0.5)));
            maxPossible += idf * (K1 + 1);
            if (!known)
            {
                continue;
            }
            for (var slot = _postingStart[id]; slot < _postingStart[id + 1]; slot++)
            {
                var tf = _postingFrequency[slot];
                var passage = _postingPassage[slot];
                scores[passage] += idf * tf * (K1 + 1) / (tf + _lengthNorm[passage]);
            }
        }

        return maxPossible;
    }
}
