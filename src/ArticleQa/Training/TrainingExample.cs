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

    /// <summary>Suffix of the id of an answerable question asked with its evidence taken out of the sources.</summary>
    public const string EvidenceRemovedSuffix = "#evidence-removed";

    /// <summary>True for an answerable question asked of its sources with every answer sentence taken out.</summary>
    public bool EvidenceRemoved => Id.EndsWith(EvidenceRemovedSuffix, StringComparison.Ordinal);

    /// <summary>True for a SQuAD question reworded with synonyms (<see cref="ParaphrasedQuestions"/>).</summary>
    public bool Reworded => Id.EndsWith(ParaphrasedQuestions.IdSuffix, StringComparison.Ordinal);

    /// <summary>True for a broad question about a name (<see cref="EntityQuestions"/>), not one of SQuAD's.</summary>
    public bool Entity => Id.StartsWith(EntityQuestions.IdPrefix, StringComparison.Ordinal);
}
