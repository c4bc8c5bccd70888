using System.Numerics.Tensors;
using ArticleQa.Articles;

namespace ArticleQa.Retrieval;

/// <summary>The searchable set of passages of all loaded articles.</summary>
public sealed class PassageIndex
{
    private readonly TfidfVectorizer? _vectorizer;

    private PassageIndex(IReadOnlyDictionary<string, Article> articles, IReadOnlyList<Passage> passages, TfidfVectorizer? vectorizer)
    {
        Articles = articles;
        Passages = passages;
        _vectorizer = vectorizer;
    }

    public IReadOnlyDictionary<string, Article> Articles { get; }

    public IReadOnlyList<Passage> Passages { get; }

    public static PassageIndex Build(IReadOnlyList<Article> articles, PassageSplitter splitter)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(splitter);
        var passages = articles.SelectMany(splitter.Split).ToList();
        var vectorizer = passages.Count == 0 ? null : TfidfVectorizer.Fit(passages.Select(p => p.Text).ToList());
        return new PassageIndex(articles.ToDictionary(a => a.Id), passages, vectorizer);
    }

    /// <summary>The <paramref name="topK"/> passages most similar to <paramref name="query"/> (cosine), best first.</summary>
    public IReadOnlyList<RetrievedPassage> Search(string query, int topK)
    {
        if (_vectorizer is null || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var queryVector = _vectorizer.Vectorize(query);
        return _vectorizer.CorpusVectors
            .Select((vector, i) => (Index: i, Score: (double)TensorPrimitives.Dot(queryVector, vector)))
            .OrderByDescending(hit => hit.Score)
            .ThenBy(hit => hit.Index)
            .Take(topK)
            .Select(hit => new RetrievedPassage(Passages[hit.Index], Articles[Passages[hit.Index].ArticleId], hit.Score))
            .ToList();
    }
}
