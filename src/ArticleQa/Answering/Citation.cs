namespace ArticleQa.Answering;

/// <summary>
/// One numbered source of an answer: marker <c>[Number]</c> in the text refers to the passage
/// <c>[Start, End)</c> of article <see cref="ArticleId"/>; <see cref="Excerpt"/> is the passage sentence that best
/// supports the claims citing it, at <c>[ExcerptStart, ExcerptEnd)</c> of the article text.
/// </summary>
public sealed record Citation(
    int Number,
    string ArticleId,
    string Title,
    Uri? Url,
    DateTimeOffset? Published,
    string PassageId,
    string Passage,
    int Start,
    int End,
    string Excerpt = "",
    int ExcerptStart = 0,
    int ExcerptEnd = 0);
