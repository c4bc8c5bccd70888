using ArticleQa.Articles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ArticleQa.Retrieval;

public sealed partial class ArticleLibrary
{
    /// <summary>
    /// Decides per file, through the loader's one folder path: reuse the indexed article (same content hash), or load
    /// and embed it again; a file that became unusable keeps its last good indexed version.
    /// </summary>
    private SyncPlan Plan(PassageIndex current)
    {
        var plan = new SyncPlan();
        var folder = _loader.LoadFolder(Folder, (id, hash) =>
            current.Articles.GetValueOrDefault(id)?.ContentHash == hash && current.Extract(id) is { } reused && plan.Reused.TryAdd(id, reused));
        var provided = folder.Files.Where(f => f.SkipReason is null).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in folder.Files)
        {
            if (file.Article is { } article)
            {
                plan.ToLoad.Add((article, file.ContentHash!));
                plan.Order.Add(file.Id);
                _ = current.Articles.ContainsKey(file.Id) ? plan.Changed++ : plan.Added++;
            }
            else if (file.Reused)
            {
                plan.Order.Add(file.Id);
            }
            else
            {
                plan.Skipped++;
                KeepPreviousVersion(current, file.Id, provided, plan);
            }
        }

        var present = plan.Order.ToHashSet(StringComparer.Ordinal);
        plan.Removed = current.Articles.Keys.Count(id => !present.Contains(id));
        return plan;
    }

    /// <summary>
    /// A file that became unreadable keeps its last good indexed version (nothing stored is lost to bad input), unless
    /// another file now provides its id.
    /// </summary>
    private static void KeepPreviousVersion(PassageIndex current, string id, HashSet<string> provided, SyncPlan plan)
    {
        if (provided.Add(id) && current.Articles.ContainsKey(id) && current.Extract(id) is { } previous)
        {
            plan.Reused[id] = previous;
            plan.Order.Add(id);
        }
    }

    private async Task<Dictionary<string, IndexedArticle>> EmbedAsync(
        List<(Article Article, string Hash)> articles,
        IProgress<IndexProgress>? progress,
        CancellationToken cancellationToken)
    {
        var passages = articles.Select(a => (a.Article, a.Hash, Passages: _splitter.Split(a.Article))).ToList();
        var all = passages.SelectMany(a => a.Passages.Select(p => (a.Article, Passage: p))).ToList();
        var vectors = new List<(sbyte[] Values, float Scale)>(all.Count);
        progress?.Report(new IndexProgress(0, all.Count));
        foreach (var batch in all.Chunk(_options.EmbeddingBatchSize))
        {
            var embedded = await _embeddings.GenerateAsync(batch.Select(p => EmbeddingText(p.Article, p.Passage)), cancellationToken: cancellationToken).ConfigureAwait(false);
            vectors.AddRange(embedded.Select(e => QuantizedVectors.Quantize(e.Vector.Span)));
            progress?.Report(new IndexProgress(vectors.Count, all.Count));
        }

        var next = 0;
        return passages.ToDictionary(
            a => a.Article.Id,
            a => new IndexedArticle(ArticleInfo.From(a.Article, a.Hash), a.Passages.Select(WithVector).ToList()),
            StringComparer.Ordinal);

        IndexedPassage WithVector(Passage passage)
        {
            var (values, scale) = vectors[next++];
            return new IndexedPassage(passage, values, scale);
        }
    }

    /// <summary>What the embedding model sees of a passage: its text, preceded by the article's title when the passage lacks it.</summary>
    internal static string EmbeddingText(Article article, Passage passage) =>
        passage.Text.StartsWith(article.Title, StringComparison.Ordinal) ? passage.Text : $"{article.Title}\n{passage.Text}";

    private sealed class SyncPlan
    {
        public List<string> Order { get; } = [];

        public Dictionary<string, IndexedArticle> Reused { get; } = new(StringComparer.Ordinal);

        public List<(Article Article, string Hash)> ToLoad { get; } = [];

        public int Added { get; set; }

        public int Changed { get; set; }

        public int Removed { get; set; }

        public int Skipped { get; set; }

        public int Changes => Added + Changed + Removed;
    }
}
