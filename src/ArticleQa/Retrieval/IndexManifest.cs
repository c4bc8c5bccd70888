namespace ArticleQa.Retrieval;

/// <summary>
/// What an index file was built with. A file whose format version, embedding model or splitting settings differ from
/// the running configuration is rebuilt.
/// </summary>
internal sealed record IndexManifest(
    int FormatVersion,
    string EmbeddingModel,
    int Dimensions,
    int MinWords,
    int TargetWords,
    int MaxWords,
    int OverlapSentences,
    IReadOnlyList<ArticleInfo> Articles,
    IReadOnlyList<int> PassageCounts)
{
    /// <summary>2: paragraph-aware splitting, titles in the embedded text.</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>Why this file cannot be reused with <paramref name="wanted"/>, or null when it can.</summary>
    public string? MismatchWith(IndexManifest wanted) =>
        FormatVersion != wanted.FormatVersion ? $"format version {FormatVersion} != {wanted.FormatVersion}"
        : EmbeddingModel != wanted.EmbeddingModel || Dimensions != wanted.Dimensions ? $"embedding model {EmbeddingModel}/{Dimensions} != {wanted.EmbeddingModel}/{wanted.Dimensions}"
        : (MinWords, TargetWords, MaxWords, OverlapSentences) != (wanted.MinWords, wanted.TargetWords, wanted.MaxWords, wanted.OverlapSentences)
            ? $"splitting {MinWords}/{TargetWords}/{MaxWords}/{OverlapSentences} != {wanted.MinWords}/{wanted.TargetWords}/{wanted.MaxWords}/{wanted.OverlapSentences}"
        : null;
}
