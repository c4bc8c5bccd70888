using ArticleQa.Text;

namespace ArticleQa.Tests.Text;

public sealed class NamedEntitiesTests
{
    [Theory]
    [InlineData("Steve Witkoff will travel to Moscow next week.", "Steve Witkoff|Moscow")]
    [InlineData("The European Central Bank met in May.", "European Central Bank|May")]
    [InlineData("Who met Putin?", "Putin")]
    [InlineData("nothing capitalised here", "")]
    public void Find_Text_ReturnsCapitalisedRunsWithoutSentenceStarters(string text, string expected)
    {
        Assert.Equal(expected, string.Join("|", NamedEntities.Find(text)));
    }
}
