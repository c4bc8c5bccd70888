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

    /// <summary>Weight of the dense (embedding cosine) score in the fused score.</summary>
    [Range(0.0, 10.0)]
    public double DenseWeight { get; set; } = 0.4;

    /// <summary>Weight of the lexical (BM25, scaled by the query's reachable maximum) score in the fused score.</summary>
    [Range(0.0, 10.0)]
    public double LexicalWeight { get; set; } = 0.6;

    /// <summary>
    /// Rerank the fused candidates of a hybrid search with the learned passage ranker (passage-ranker.zip in the
    /// <c>Answering:ModelsPath</c> folder, trained by the <c>train</c> command) before cutting to top-k.
    /// </summary>
    public bool Rerank { get; set; } = true;
}
