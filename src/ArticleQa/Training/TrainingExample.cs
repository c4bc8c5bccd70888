namespace ArticleQa.Training;

/// <summary>
/// One question's candidates as the Local model would see them, under open retrieval over all training articles or,
/// when <paramref name="OwnArticle"/>, over its own article alone (a collection of one article, like the seed): each
/// candidate sentence's features (<c>SentenceFeatures</c>) with its label (the sentence holds a gold answer and its
/// passage the evidence), and the question's scorer-independent abstention features (<c>QuestionFeatures.Facts</c>).
/// </summary>
internal sealed record TrainingExample(string Id, string Title, bool Answerable, float[][] Sentences, bool[] Labels, float[] Facts, bool OwnArticle = false)
{
    /// <summary>True when some candidate answers the question.</summary>
    public bool Reachable => Labels.Any(l => l);
}
