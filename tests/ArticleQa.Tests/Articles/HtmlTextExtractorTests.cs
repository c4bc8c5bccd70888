using AngleSharp.Html.Parser;
using ArticleQa.Articles;

namespace ArticleQa.Tests.Articles;

public sealed class HtmlTextExtractorTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<p>  spaced \n  out   text </p>", "spaced out text")]
    [InlineData("<p>Line<br>break</p>", "Line\nbreak")]
    [InlineData("<h2>Sub</h2>Loose text<div>Block</div>", "Sub\n\nLoose text\n\nBlock")]
    [InlineData("<p>A <b>bold</b> <a href='x'>link</a>.</p>", "A bold link.")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo")]
    [InlineData("<table><tr><td>a</td><td>b</td></tr></table>", "a b")]
    [InlineData("<p>Text</p><script>var x;</script><style>p{}</style><button>Share</button>", "Text")]
    [InlineData("<p>Fish &amp; chips&nbsp;today</p>", "Fish & chips today")]
    public void Extract_HtmlFragment_ParagraphsSeparatedByBlankLines(string html, string expected)
    {
        var body = new HtmlParser().ParseDocument($"<html><body>{html}</body></html>").Body!;

        Assert.Equal(expected, HtmlTextExtractor.Extract(body));
    }
}
