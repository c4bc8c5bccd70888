using System.Globalization;
using ArticleQa.Answering.Learning;
using ArticleQa.Retrieval;

namespace ArticleQa.Ranking;

/// <summary>
/// The learned passage reranker: a LambdaRank model (ML.NET FastTree ranking) read from <c>passage-ranker.zip</c>
/// with its card, which reorders a question's fused top <see cref="Candidates"/> by <see cref="PassageFeatures"/>.
/// A missing or unreadable file, or a card whose features differ from the code's, is an
/// <see cref="InvalidDataException"/> naming the file. The reordered passages keep the fused scores best first (see
/// <see cref="Rerank"/>); each keeps its own dense and lexical scores.
/// </summary>
internal sealed class PassageRanker
{
    /// <summary>Fused candidates reranked per question when the card does not say.</summary>
    public const int DefaultCandidates = 30;

    private readonly FeatureEngine<RankScore> _engine;

    private PassageRanker(FeatureEngine<RankScore> engine, ModelCard card, int candidates)
    {
        _engine = engine;
        Card = card;
        Candidates = candidates;
    }

    public ModelCard Card { get; }

    public int Candidates { get; }

    public static PassageRanker Load(string zipPath)
    {
        var card = ModelFiles.ReadCheckedCard(zipPath, PassageFeatures.Names);
        var candidates = DefaultCandidates;
        if (card.Settings.TryGetValue("candidates", out var n) && (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out candidates) || candidates < 1))
        {
            throw new InvalidDataException($"Model file '{ModelFiles.CardPath(zipPath)}': setting candidates '{n}' is not a positive whole number.");
        }

        return new PassageRanker(FeatureEngine<RankScore>.Load(zipPath, PassageFeatures.Names.Length), card, candidates);
    }

    /// <summary>
    /// <paramref name="fused"/> reordered by the model, from the features of <see cref="PassageFeatures"/> with the
    /// sentence matches of <paramref name="sentences"/>.
    /// </summary>
    public async Task<IReadOnlyList<RetrievedPassage>> RerankAsync(string query, IReadOnlyList<RetrievedPassage> fused, PassageIndex index, SentenceMatches sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(sentences);
        if (fused.Count < 2)
        {
            return fused;
        }

        var matches = await sentences.OfAsync(query, fused, cancellationToken).ConfigureAwait(false);

        // The fused scores stay in best-first order: the passage at rank i carries the i-th best fused score, so a
        // Retrieval:MinScore floor still decides how many passages are relevant and the ranker which ones.
        var scores = fused.Select(f => f.Score).OrderDescending().ToList();
        return Order(fused, Score(PassageFeatures.Extract(query, fused, index.InverseDocumentFrequencies, matches)))
            .Select((passage, i) => passage with { Score = scores[i] })
            .ToList();
    }

    /// <summary>This ranker as the retriever's reranker, its sentence features from <paramref name="sentences"/>.</summary>
    public IPassageReranker With(SentenceMatches sentences) => new Bound(this, sentences);

    /// <summary>The model's score for each feature row.</summary>
    public float[] Score(IReadOnlyList<float[]> rows) => _engine.Predict(rows, r => r.Score);

    /// <summary><paramref name="items"/> by descending score; equal scores keep their fused order.</summary>
    public static List<T> Order<T>(IReadOnlyList<T> items, IReadOnlyList<float> scores) =>
        items.Select((item, i) => (Item: item, Score: scores[i], Index: i))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Select(x => x.Item)
            .ToList();

    private sealed class Bound(PassageRanker ranker, SentenceMatches sentences) : IPassageReranker
    {
        public int Candidates => ranker.Candidates;

        public Task<IReadOnlyList<RetrievedPassage>> RerankAsync(string query, IReadOnlyList<RetrievedPassage> fused, PassageIndex index, CancellationToken cancellationToken = default) =>
            ranker.RerankAsync(query, fused, index, sentences, cancellationToken);
    }
}
