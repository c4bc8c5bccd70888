using System.Buffers;
using System.Numerics.Tensors;
using System.Text;
using ArticleQa.Articles;
using ArticleQa.Text;
using Microsoft.Win32.SafeHandles;

namespace ArticleQa.Retrieval;

/// <summary>
/// An immutable snapshot of the indexed passages: int8 embedding vectors and BM25 postings in memory, passage texts read
/// from the index file on demand. Search fuses the dense cosine similarity with the BM25 score scaled by the query's
/// highest reachable score, so the fused score is comparable across queries (and usable as a relevance floor).
/// The library owns one reference and gives it up (<see cref="Dispose"/>) when a newer snapshot replaces this one;
/// readers of passage texts hold an <see cref="IndexLease"/>; the file handle closes when the last reference goes.
/// </summary>
public sealed class PassageIndex : IDisposable
{
    /// <summary>Passages read to tell a word from a stem that only looks like one (<see cref="ContainsWord"/>).</summary>
    private const int WordCheckPassages = 5;

    private readonly PassageEntry[] _entries;
    private readonly QuantizedVectors _vectors;
    private readonly Bm25Index _bm25;
    private readonly SafeFileHandle? _texts;
    private readonly Dictionary<string, (int First, int Count)> _articlePassages = new(StringComparer.Ordinal);
    private int _references = 1;
    private int _retired;

    internal PassageIndex(IndexManifest manifest, PassageEntry[] entries, QuantizedVectors vectors, Bm25Index bm25, string? path)
    {
        Manifest = manifest;
        _entries = entries;
        _vectors = vectors;
        _bm25 = bm25;
        // FileShare.Delete: a newer index may be renamed over the file while this snapshot still answers questions.
        _texts = path is null ? null : File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        Articles = manifest.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i++)
        {
            var id = manifest.Articles[entries[i].ArticleIndex].Id;
            _articlePassages[id] = _articlePassages.TryGetValue(id, out var range) ? (range.First, range.Count + 1) : (i, 1);
        }
    }

    internal IndexManifest Manifest { get; }

    public IReadOnlyDictionary<string, ArticleInfo> Articles { get; }

    public int PassageCount => _entries.Length;

    internal static PassageIndex Empty(IndexManifest manifest) =>
        new(manifest with { Articles = [], PassageCounts = [] }, [], new QuantizedVectors(manifest.Dimensions, [], []), new Bm25Index([], []), null);

    public Passage GetPassage(int index)
    {
        var entry = _entries[index];
        var bytes = new byte[entry.TextLength];
        RandomAccess.Read(_texts!, bytes, entry.TextOffset);
        return new Passage(Manifest.Articles[entry.ArticleIndex].Id, entry.Ordinal, entry.Start, entry.End, Encoding.UTF8.GetString(bytes));
    }

    /// <summary>The passage with id <c>articleId#ordinal</c>, if the index still has it.</summary>
    public RetrievedPassage? FindPassage(string passageId, double score)
    {
        ArgumentNullException.ThrowIfNull(passageId);
        var hash = passageId.LastIndexOf('#');
        if (hash < 0
            || !int.TryParse(passageId.AsSpan(hash + 1), System.Globalization.CultureInfo.InvariantCulture, out var ordinal)
            || !_articlePassages.TryGetValue(passageId[..hash], out var range)
            || ordinal < 0
            || ordinal >= range.Count)
        {
            return null;
        }

        var index = range.First + ordinal;
        return new RetrievedPassage(GetPassage(index), Manifest.Articles[_entries[index].ArticleIndex], score);
    }

    /// <summary>How many passages the index holds of one article (0 when it does not have it); each is <c>articleId#n</c>.</summary>
    public int PassageCountOf(string articleId)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return _articlePassages.TryGetValue(articleId, out var range) ? range.Count : 0;
    }

    /// <summary>The passages of one article with their vectors, for reuse when the article has not changed.</summary>
    internal IndexedArticle? Extract(string articleId)
    {
        if (!_articlePassages.TryGetValue(articleId, out var range))
        {
            return Articles.TryGetValue(articleId, out var empty) ? new IndexedArticle(empty, []) : null;
        }

        var passages = Enumerable.Range(range.First, range.Count)
            .Select(i => new IndexedPassage(GetPassage(i), _vectors[i].ToArray(), _vectors.Scales[i]))
            .ToList();
        return new IndexedArticle(Articles[articleId], passages);
    }

    /// <summary>The best <paramref name="topK"/> passages for a query, best first.</summary>
    /// <param name="query">The query text (for BM25).</param>
    /// <param name="queryVector">The query's unit-length embedding (for the dense side).</param>
    public IReadOnlyList<RetrievedPassage> Search(string query, ReadOnlySpan<float> queryVector, SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(request);
        if (_entries.Length == 0)
        {
            return [];
        }

        // Pooled score buffers: at 100k passages two fresh arrays per question would land on the large object heap
        // and bring full garbage collections into the query path.
        var dense = ArrayPool<float>.Shared.Rent(_entries.Length);
        var lexical = ArrayPool<float>.Shared.Rent(_entries.Length);
        var fused = ArrayPool<float>.Shared.Rent(_entries.Length);
        try
        {
            var scores = Score(query, queryVector, request, dense.AsSpan(0, _entries.Length), lexical.AsSpan(0, _entries.Length), fused.AsSpan(0, _entries.Length));
            var best = new TopK(request.TopK);
            var filter = request.Filter ?? SearchFilter.None;
            for (var i = 0; i < scores.Length; i++)
            {
                if (filter.IsEmpty || filter.Allows(Manifest.Articles[_entries[i].ArticleIndex]))
                {
                    best.Offer(i, scores[i]);
                }
            }

            var denseKnown = request.Mode != RetrievalMode.Lexical;
            var lexicalKnown = request.Mode != RetrievalMode.Dense;
            return best.Drain()
                .Select(hit => new RetrievedPassage(
                    GetPassage(hit.Index),
                    Manifest.Articles[_entries[hit.Index].ArticleIndex],
                    hit.Score,
                    denseKnown ? dense[hit.Index] : double.NaN,
                    lexicalKnown ? lexical[hit.Index] : double.NaN))
                .ToList();
        }
        finally
        {
            ArrayPool<float>.Shared.Return(dense);
            ArrayPool<float>.Shared.Return(lexical);
            ArrayPool<float>.Shared.Return(fused);
        }
    }

    /// <summary>The BM25 inverse document frequency of each distinct analysed term (0 for terms no passage has).</summary>
    internal Dictionary<string, double> InverseDocumentFrequencies(IEnumerable<string> terms) =>
        terms.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _bm25.InverseDocumentFrequency, StringComparer.Ordinal);

    /// <summary>How many passages contain the analysed <paramref name="term"/> (0 when none does).</summary>
    public int DocumentFrequency(string term) => _bm25.DocumentFrequency(term);

    /// <summary>
    /// Whether <paramref name="word"/> itself (any case), not only its stem, is a word of one of the first few
    /// passages that contain its stem: "outside" is, "outsid" is not.
    /// </summary>
    public bool ContainsWord(string word) => WordAsWritten(word) is not null;

    /// <summary>
    /// <paramref name="word"/> as the articles write it inside a sentence ("Moscow", "US", "travel"), from the first
    /// few passages that contain its stem: the form they use most there, lower case on a tie ("US" ten times and "us"
    /// once is "US"; "Plan" in a headline and "plan" in the text is "plan"), lower case when they have it only at the
    /// start of a sentence, null when they do not have it as a word (only its stem, or not at all).
    /// </summary>
    public string? WordAsWritten(string word)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(word);
        var terms = TermAnalyzer.Analyze(word);
        if (terms.Count != 1)
        {
            return null;
        }

        // A headline's words are capitalised too ("US Plan Could Be"), so one capitalised use does not make a name;
        // but an acronym ("US") is its own word beside the common one ("us"), so the form used most wins.
        var lower = word.ToLowerInvariant();
        var forms = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = false;
        foreach (var passage in _bm25.PassagesWith(terms[0], WordCheckPassages).ToArray())
        {
            var text = GetPassage(passage).Text;
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + word.Length;
                if ((at > 0 && char.IsLetter(text[at - 1])) || (end < text.Length && char.IsLetter(text[end])))
                {
                    continue;
                }

                seen = true;
                if (!StartsSentence(text, at))
                {
                    var form = text[at..end];
                    forms[form] = forms.GetValueOrDefault(form) + 1;
                }
            }
        }

        if (forms.Count == 0)
        {
            return seen ? lower : null;
        }

        var most = forms.Values.Max();
        return forms.GetValueOrDefault(lower) == most ? lower : forms.First(f => f.Value == most).Key;
    }

    /// <summary>Whether only white space, quotes or brackets stand between <paramref name="at"/> and the passage's start or the last sentence end.</summary>
    private static bool StartsSentence(string text, int at)
    {
        var i = at - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '“' or '‘' or '\'' or '(' or '['))
        {
            i--;
        }

        return i < 0 || text[i] is '.' or '!' or '?' or ':' || text[i] == '\n';
    }

    private static ReadOnlySpan<float> Fuse(ReadOnlySpan<float> dense, ReadOnlySpan<float> lexical, SearchRequest request, Span<float> fused)
    {
        // fused = w_dense * cosine + w_lexical * scaled BM25 (both sides kept: the reranker reads them)
        TensorPrimitives.Multiply(dense, (float)request.DenseWeight, fused);
        TensorPrimitives.MultiplyAdd(lexical, (float)request.LexicalWeight, fused, fused);
        return fused;
    }

    private ReadOnlySpan<float> Score(string query, ReadOnlySpan<float> queryVector, SearchRequest request, Span<float> dense, Span<float> lexical, Span<float> fused)
    {
        dense.Clear();
        lexical.Clear();
        if (request.Mode != RetrievalMode.Lexical)
        {
            _vectors.CosineAll(queryVector, dense);
        }

        if (request.Mode == RetrievalMode.Dense)
        {
            return dense;
        }

        var maxPossible = _bm25.Score(TermAnalyzer.Analyze(query), lexical);
        if (maxPossible > 0)
        {
            TensorPrimitives.Divide(lexical, maxPossible, lexical);
        }

        return request.Mode == RetrievalMode.Lexical ? lexical : Fuse(dense, lexical, request, fused);
    }

    /// <summary>Takes a reader's reference; false once the snapshot is retired and its file closed.</summary>
    internal bool TryAcquire()
    {
        while (true)
        {
            var references = Volatile.Read(ref _references);
            if (references == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, references + 1, references) == references)
            {
                return true;
            }
        }
    }

    /// <summary>Gives a reference back; the last one closes the index file.</summary>
    internal void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _texts?.Dispose();
        }
    }

    /// <summary>Retires the snapshot: the owner's reference goes; the file closes now or when the last lease ends.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0)
        {
            Release();
        }
    }
}
