using ArticleQa.Articles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ArticleQa.Retrieval;

public sealed partial class ArticleLibrary
{
    /// <summary>Decides per file: reuse the indexed article (same content hash), or load and embed it again.</summary>
    private SyncPlan Plan(PassageIndex current)
    {
        var plan = new SyncPlan();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in ArticleLoader.ArticleFiles(Folder))
        {
            var id = ArticleLoader.ArticleId(file, Folder);
            if (!owners.TryAdd(id, file))
            {
                Skip(plan, file, $"the article id '{id}' is already used by {owners[id]}");
                continue;
            }

            var known = current.Articles.GetValueOrDefault(id);
            var hash = Hash(file, _articles.MaxFileBytes);
            if (hash is not null && known?.ContentHash == hash && current.Extract(id) is { } reused)
            {
                plan.Reused[id] = reused;
                plan.Order.Add(id);
            }
            else if (_loader.TryLoad(file, Folder, out var article, out var reason))
            {
                plan.ToLoad.Add((article, hash ?? ContentHash(file)));
                plan.Order.Add(id);
                _ = known is null ? plan.Added++ : plan.Changed++;
            }
            else
            {
                Skip(plan, file, reason);
                KeepPreviousVersion(current, id, known, plan);
            }
        }

        var present = plan.Order.ToHashSet(StringComparer.Ordinal);
        plan.Removed = current.Articles.Keys.Count(id => !present.Contains(id));
        return plan;
    }

    private void Skip(SyncPlan plan, string file, string reason)
    {
        plan.Skipped++;
        _logger.LogWarning("Skipped article file {File}: {Reason}", file, reason);
    }

    /// <summary>The file's content hash, or null when it is too large or unreadable (the loader then says why).</summary>
    private static string? Hash(string file, long maxBytes)
    {
        try
        {
            return new FileInfo(file).Length is > 0 and var length && length <= maxBytes ? ContentHash(file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A file that became unreadable keeps its last good indexed version: nothing stored is lost to bad input.</summary>
    private static void KeepPreviousVersion(PassageIndex current, string id, ArticleInfo? known, SyncPlan plan)
    {
        if (known is not null && current.Extract(id) is { } previous)
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
