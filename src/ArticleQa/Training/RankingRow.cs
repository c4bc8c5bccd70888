namespace ArticleQa.Training;

/// <summary>One training row of the passage ranker: a candidate's features, its relevance (1 = holds the evidence) and its question.</summary>
internal sealed class RankingRow
{
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    public uint GroupId { get; set; }
}
