using ArticleQa.Text;

namespace ArticleQa.Tests.Text;

public sealed class EnglishWordsTests
{
    [Theory]
    [InlineData("call", true, true)]
    [InlineData("predicated", true, true)]
    [InlineData("californian", true, false)] // only a name
    [InlineData("china", true, false)]       // porcelain, and a name
    [InlineData("bush", true, false)]
    [InlineData("zelensky", false, false)]
    [InlineData("predictd", false, false)]
    public void Lookup_LowerCaseWord_InTheListAndWhetherOnlyInLowerCase(string word, bool contained, bool common)
    {
        Assert.Equal(contained, EnglishWords.Contains(word));
        Assert.Equal(common, EnglishWords.IsCommonWord(word));
    }
}
