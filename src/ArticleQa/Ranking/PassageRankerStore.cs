using System.Collections.Concurrent;
using ArticleQa.Answering;
using ArticleQa.Answering.Learning;
using ArticleQa.Retrieval;
using Microsoft.Extensions.Options;

namespace ArticleQa.Ranking;

/// <summary>
/// The retriever's reranker: the <see cref="PassageRanker"/> in the <c>Answering:ModelsPath</c> folder, loaded once per
/// folder (at start, through <see cref="PassageRankerValidator"/>). A failed load is not cached.
/// </summary>
internal sealed class PassageRankerStore(IOptions<AnsweringOptions> answering, SentenceMatches sentences) : IPassageReranker
{
    private readonly ConcurrentDictionary<string, Lazy<PassageRanker>> _loaded = new(StringComparer.Ordinal);

    public int Candidates => Get(answering.Value).Candidates;

    public Task<IReadOnlyList<RetrievedPassage>> RerankAsync(string query, IReadOnlyList<RetrievedPassage> fused, PassageIndex index, CancellationToken cancellationToken = default) =>
        Get(answering.Value).RerankAsync(query, fused, index, sentences, cancellationToken);

    public PassageRanker Get(AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = LocalModels.FolderOf(options);
        var lazy = _loaded.GetOrAdd(folder, f => new Lazy<PassageRanker>(() => PassageRanker.Load(ModelFiles.ZipPath(f, ModelFiles.PassageRanker))));
        try
        {
            return lazy.Value;
        }
        catch (InvalidDataException)
        {
            _loaded.TryRemove(new KeyValuePair<string, Lazy<PassageRanker>>(folder, lazy));
            throw;
        }
    }
}
