namespace ArticleQa.Answering.Learning;

/// <summary>One training or scoring row: a feature vector and, when training, its label and group (question).</summary>
internal sealed class FeatureRow
{
    public float[] Features { get; set; } = [];

    public bool Label { get; set; }
}
