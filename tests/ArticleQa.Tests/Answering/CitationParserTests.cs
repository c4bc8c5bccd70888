using ArticleQa.Answering;

namespace ArticleQa.Tests.Answering;

public sealed class CitationParserTests
{
    [Theory]
    [InlineData("Plain [1].", 3, "Plain [1].", "1")]
    [InlineData("Second source first [2] then first [1].", 3, "Second source first [1] then first [2].", "2,1")]
    [InlineData("Comma list [1, 3].", 3, "Comma list [1][2].", "1,3")]
    [InlineData("Adjacent [3][1].", 3, "Adjacent [1][2].", "3,1")]
    [InlineData("Azure style [doc2].", 3, "Azure style [1].", "2")]
    [InlineData("Full-width 【2】.", 3, "Full-width [1].", "2")]
    [InlineData("Out of range [7] dropped.", 3, "Out of range dropped.", "")]
    [InlineData("Mixed [1, 9] keeps one.", 3, "Mixed [1] keeps one.", "1")]
    [InlineData("Zero [0] is no source.", 3, "Zero is no source.", "")]
    [InlineData("Repeated [2] and again [2].", 3, "Repeated [1] and again [1].", "2")]
    [InlineData("No markers at all.", 3, "No markers at all.", "")]
    [InlineData("Year [2025] is not a source.", 3, "Year is not a source.", "")]
    public void Parse_Markers_RenumberedInOrderOfFirstUse(string text, int sources, string expected, string expectedSources)
    {
        var parsed = CitationParser.Parse(text, sources);

        Assert.Equal(expected, parsed.Text);
        Assert.Equal(expectedSources, string.Join(",", parsed.SourceNumbers));
    }
}
