using ArticleQa.Answering;

namespace ArticleQa.Tests.Answering;

public sealed class ArticleReferenceTests
{
    [Theory]
    [InlineData("Who wrote the Geneva article?", "Who wrote the article?", "Geneva")]
    [InlineData("When was the peace plan article published?", "When was the article published?", "peace plan")]
    [InlineData("Who wrote the article about the bridge?", "Who wrote the article?", "the bridge")]
    [InlineData("When was the article on Geneva published?", "When was the article published?", "Geneva")]
    [InlineData("What is the article about the bridge about?", "What is the article about?", "the bridge")]
    [InlineData("Summarize the story on the bridge, please", "Summarize the story, please", "the bridge")]
    public void Of_ArticleNamedByTopic_QuestionWithoutItAndTheTopic(string question, string plain, string topic)
    {
        Assert.Equal((plain, topic), ArticleReference.Of(question));
    }

    [Theory]
    [InlineData("Which article mentions Rubio?", "Rubio")]
    [InlineData("Which articles are about the bridge?", "the bridge")]
    [InlineData("Is there an article about the harbor?", "the harbor")]
    [InlineData("Do you have any stories on Geneva?", "Geneva")]
    [InlineData("What story talks about sanctions", "sanctions")]
    public void WhichOf_WhichArticlesSpeakOfSomething_TheTopic(string question, string topic)
    {
        Assert.Equal(topic, ArticleQa.Answering.ArticleReference.WhichOf(question));
    }

    [Theory]
    [InlineData("Which article is this?")]
    [InlineData("What is the article about?")]
    [InlineData("Which article did Putin mention?")]
    [InlineData("Is there an article?")]
    [InlineData("What stories are on the agenda?")]
    public void WhichOf_NotSuchAQuestion_Null(string question)
    {
        Assert.Null(ArticleQa.Answering.ArticleReference.WhichOf(question));
    }

    [Theory]
    [InlineData("Who wrote the article?")]
    [InlineData("Summarize the whole article")]
    [InlineData("When was the latest story published?")]
    [InlineData("What does the article say about Geneva?")] // a question about Geneva, in the article
    [InlineData("What is the article's title?")]
    [InlineData("Who wrote this article?")]
    [InlineData("Who wrote the first Doctor Who story?")] // a story the articles are about
    [InlineData("Who composed the piano piece?")]
    // Something in the article, not an article named by it.
    [InlineData("Who wrote the plan in the article?")]
    [InlineData("What's the title of the plan in the article?")]
    [InlineData("What was the date of the meeting in the article?")]
    public void Of_NoTopic_Null(string question)
    {
        Assert.Null(ArticleReference.Of(question));
    }
}
