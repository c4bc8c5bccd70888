namespace ArticleQa.Articles;

/// <summary>A contiguous span of an article's text, the unit that is retrieved and cited.</summary>
/// <param name="ArticleId">The article the passage belongs to.</param>
/// <param name="Ordinal">Position of the passage within its article, from 0.</param>
/// <param name="Start">Offset of the first character in <see cref="Article.Text"/>.</param>
/// <param name="End">Offset one past the last character in <see cref="Article.Text"/>.</param>
/// <param name="Text">The passage text, equal to <c>article.Text[Start..End]</c>.</param>
public sealed record Passage(string ArticleId, int Ordinal, int Start, int End, string Text)
{
    public string Id => $"{ArticleId}#{Ordinal}";
}
