namespace ArticleQa.Articles;

/// <summary>Plain text (.txt): the whole file is the text; its first non-empty line is the title.</summary>
internal static class TextArticleReader
{
    public static ArticleContent Read(byte[] bytes) => new(Title: null, TextFileDecoder.Decode(bytes));
}
