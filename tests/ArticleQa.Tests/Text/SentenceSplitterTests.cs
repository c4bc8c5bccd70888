using ArticleQa.Text;

namespace ArticleQa.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("One. Two.", "One.|Two.")]
    [InlineData("Headline without period\nBody sentence. Next one!", "Headline without period|Body sentence.|Next one!")]
    [InlineData("Mr. Smith went to Washington. He left.", "Mr. Smith went to Washington.|He left.")]
    [InlineData("The U.S. plan has 28 points. It changed.", "The U.S. plan has 28 points.|It changed.")]
    [InlineData("“We agree,” he said. “Really?” she asked.", "“We agree,” he said.|“Really?” she asked.")]
    [InlineData("Prices rose 2.5 percent. Then fell.", "Prices rose 2.5 percent.|Then fell.")]
    [InlineData("J. R. R. Tolkien wrote it. Yes.", "J. R. R. Tolkien wrote it.|Yes.")]
    [InlineData("lower case after period. stays together", "lower case after period. stays together")]
    [InlineData("\n\n  Spaces around.  \n\n", "Spaces around.")]
    [InlineData("", "")]
    [InlineData("“These do not exist.” [1] He left [2].", "“These do not exist.” [1]|He left [2].")]
    [InlineData("“Why now?” [2][3] Then he left.", "“Why now?” [2][3]|Then he left.")]
    [InlineData("He left. [2] [3] Then.", "He left. [2] [3]|Then.")]
    [InlineData("He left. [2]", "He left. [2]")]
    [InlineData("It ended. [Editor's note: it did not.]", "It ended.|[Editor's note: it did not.]")]
    public void Split_Text_ReturnsSentences(string text, string expected)
    {
        var sentences = SentenceSplitter.Split(text).Select(span => span.Of(text));

        Assert.Equal(expected, string.Join("|", sentences));
    }
}
