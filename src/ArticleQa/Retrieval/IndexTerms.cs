using ArticleQa.Text;

namespace ArticleQa.Retrieval;

/// <summary>The BM25 statistics of an index: its vocabulary and, per passage in index order, the term counts.</summary>
public sealed class IndexTerms
{
    public IndexTerms(IReadOnlyList<string> vocabulary, IReadOnlyList<(int[] TermIds, ushort[] Frequencies)> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        Vocabulary = vocabulary;
        Passages = passages.Select(p => new TermCounts(p.TermIds, p.Frequencies)).ToList();
    }

    private IndexTerms(IReadOnlyList<string> vocabulary, IReadOnlyList<TermCounts> passages)
    {
        Vocabulary = vocabulary;
        Passages = passages;
    }

    public IReadOnlyList<string> Vocabulary { get; }

    internal IReadOnlyList<TermCounts> Passages { get; }

    /// <summary>Analyses the texts (<see cref="TermAnalyzer"/>), numbering terms in order of first use.</summary>
    public static IndexTerms Analyze(IReadOnlyList<string> texts)
    {
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        var counted = texts.AsParallel().AsOrdered().Select(TermAnalyzer.Analyze).ToList()
            .Select(terms => terms.GroupBy(t => t, StringComparer.Ordinal)
                .Select(g => (Id: vocabulary.TryGetValue(g.Key, out var id) ? id : vocabulary[g.Key] = vocabulary.Count, Count: (ushort)Math.Min(g.Count(), ushort.MaxValue)))
                .OrderBy(t => t.Id)
                .ToList())
            .Select(terms => new TermCounts(terms.Select(t => t.Id).ToArray(), terms.Select(t => t.Count).ToArray()))
            .ToList();
        return new IndexTerms(vocabulary.OrderBy(t => t.Value).Select(t => t.Key).ToList(), counted);
    }
}
