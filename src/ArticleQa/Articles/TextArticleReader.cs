using System.Globalization;
using System.Text.RegularExpressions;

namespace ArticleQa.Articles;

/// <summary>
/// Plain text (.txt): the whole file is the text; its first non-empty line is the title. A <c>Date:</c> or
/// <c>Published:</c> line among the first few lines gives the article's date (and is taken out of the text); without
/// one, or when it is no date, the article has none: none is invented.
/// </summary>
internal static partial class TextArticleReader
{
    /// <summary>How many lines from the top a date line may be on.</summary>
    private const int DateLineWindow = 6;

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd HH:mm", "yyyy/MM/dd",
        "d MMMM yyyy", "d MMM yyyy", "MMMM d, yyyy", "MMM d, yyyy", "dddd, MMMM d, yyyy", "dddd, d MMMM yyyy",
    ];

    public static ArticleContent Read(byte[] bytes)
    {
        var text = TextFileDecoder.Decode(bytes);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < Math.Min(DateLineWindow, lines.Length); i++)
        {
            var match = DateLine().Match(lines[i]);
            if (match.Success && ParseDate(match.Groups["date"].Value) is { } published)
            {
                return new ArticleContent(Title: null, string.Join('\n', lines.Where((_, n) => n != i)), Published: published);
            }
        }

        return new ArticleContent(Title: null, text);
    }

    internal static DateTimeOffset? ParseDate(string text)
    {
        var value = text.Trim().TrimEnd('.');
        return DateTimeOffset.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : null;
    }

    [GeneratedRegex(@"^\s*(Date|Published|Published on|Updated)\s*:\s*(?<date>.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();
}
