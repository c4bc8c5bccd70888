using System.Globalization;
using ArticleQa.Answering.Learning;
using ArticleQa.Retrieval;
using Microsoft.ML;

namespace ArticleQa.Ranking;

/// <summary>
/// The learned passage reranker: a LambdaRank model (ML.NET FastTree ranking) read from <c>passage-ranker.zip</c>
/// with its card, which reorders a question's fused top <see cref="Candidates"/> by <see cref="PassageFeatures"/>.
/// A missing or unreadable file, or a card whose features differ from the code's, is an
/// <see cref="InvalidDataException"/> naming the file. The reordered passages keep the fused scores best first (see
/// <see cref="Rerank"/>); each keeps its own dense and lexical scores.
/// </summary>
internal sealed class PassageRanker : IPassageReranker
{
    /// <summary>Fused candidates reranked per question when the card does not say.</summary>
    public const int DefaultCandidates = 30;

    private readonly PredictionEngine<FeatureRow, RankScore> _engine;
    private readonly Lock _lock = new();

    private PassageRanker(PredictionEngine<FeatureRow, RankScore> engine, ModelCard card)
    {
        _engine = engine;
        Card = card;
        Candidates = card.Settings.TryGetValue("candidates", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : DefaultCandidates;
    }

    public ModelCard Card { get; }

    public int Candidates { get; }

    public static PassageRanker Load(string zipPath)
    {
        var card = ModelFiles.ReadCheckedCard(zipPath, PassageFeatures.Names);
        var context = new MLContext(seed: 1);
        var transformer = ModelFiles.LoadTransformer(context, zipPath);
        try
        {
            return new PassageRanker(context.Model.CreatePredictionEngine<FeatureRow, RankScore>(transformer, inputSchemaDefinition: LearnedModel.Schema(PassageFeatures.Names.Length)), card);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"Model file '{zipPath}' is not a passage ranker: {e.Message}", e);
        }
    }

    public IReadOnlyList<RetrievedPassage> Rerank(string query, IReadOnlyList<RetrievedPassage> fused, PassageIndex index)
    {
        ArgumentNullException.ThrowIfNull(fused);
        ArgumentNullException.ThrowIfNull(index);
        if (fused.Count < 2)
        {
            return fused;
        }

        // The fused scores stay in best-first order: the passage at rank i carries the i-th best fused score, so a
        // Retrieval:MinScore floor still decides how many passages are relevant and the ranker which ones.
        var scores = fused.Select(f => f.Score).OrderDescending().ToList();
        return Order(fused, Score(PassageFeatures.Extract(query, fused, index.InverseDocumentFrequencies)))
            .Select((passage, i) => passage with { Score = scores[i] })
            .ToList();
    }

    /// <summary>The model's score for each feature row.</summary>
    public float[] Score(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var result = new float[rows.Count];
        lock (_lock)
        {
            var row = new FeatureRow();
            for (var i = 0; i < rows.Count; i++)
            {
                row.Features = rows[i];
                result[i] = _engine.Predict(row).Score;
            }
        }

        return result;
    }

    /// <summary><paramref name="items"/> by descending score; equal scores keep their fused order.</summary>
    public static List<T> Order<T>(IReadOnlyList<T> items, IReadOnlyList<float> scores) =>
        items.Select((item, i) => (Item: item, Score: scores[i], Index: i))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Select(x => x.Item)
            .ToList();
}
