using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Retrieval;

/// <summary>How many passages a question retrieves and how relevant they must be.</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>Passages handed to the model, best first.</summary>
    [Range(1, 50)]
    public int TopK { get; set; } = 5;

    /// <summary>
    /// Passages whose fused score is below this are not relevant; when none is left the bot abstains without calling
    /// the model. The fused score is DenseWeight x cosine similarity + LexicalWeight x BM25 scaled to 0..1.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinScore { get; set; } = 0.15;

    /// <summary>
    /// The default dense weight, fitted on the train split of the SQuAD training data by the <c>train</c> command
    /// (grid 0..1 in steps of 0.05, lexical = 1 - dense, best MRR@10 over the 28 train articles: 0.35, train recall@5
    /// 0.954, MRR@10 0.868; dev split 0.935 / 0.843). The earlier 0.4 / 0.6 had been chosen on sets that included the
    /// reserved articles. The figures are in passage-ranker.card.json.
    /// </summary>
    public const double DefaultDenseWeight = 0.35;

    /// <summary>The default lexical weight, 1 - <see cref="DefaultDenseWeight"/>.</summary>
    public const double DefaultLexicalWeight = 1 - DefaultDenseWeight;

    /// <summary>Weight of the dense (embedding cosine) score in the fused score (default fitted on the train split, see <see cref="DefaultDenseWeight"/>).</summary>
    [Range(0.0, 10.0)]
    public double DenseWeight { get; set; } = DefaultDenseWeight;

    /// <summary>Weight of the lexical (BM25, scaled by the query's reachable maximum) score in the fused score.</summary>
    [Range(0.0, 10.0)]
    public double LexicalWeight { get; set; } = DefaultLexicalWeight;

    /// <summary>
    /// Rerank the fused candidates of a hybrid search with the learned passage ranker (passage-ranker.zip in the
    /// <c>Answering:ModelsPath</c> folder, trained by the <c>train</c> command) before cutting to top-k.
    /// </summary>
    public bool Rerank { get; set; } = true;
}
