namespace ArticleQa.Answering.Learning;

/// <summary>What a binary model predicts for a <see cref="FeatureRow"/>: its raw score and calibrated probability.</summary>
internal sealed class ScoreRow
{
    public float Score { get; set; }

    public float Probability { get; set; }
}
