namespace ArticleQa.Ranking;

/// <summary>What the LambdaRank model predicts for a candidate: a relevance score (higher ranks first, not a probability).</summary>
internal sealed class RankScore
{
    public float Score { get; set; }
}
