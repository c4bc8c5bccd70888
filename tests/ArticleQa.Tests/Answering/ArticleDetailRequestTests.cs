using ArticleQa.Answering;
using ArticleQa.Tests.Articles;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleQa.Tests.Answering;

public sealed class ArticleDetailRequestTests
{
    private const string Talks = "---\ntitle: Talks Stall in Geneva\nauthor: Jane Roe\npublished: 2025-11-28\n---\nTalks between the delegations stalled in Geneva on Friday, officials said.\n\nNeither side would say when they would resume.\n";

    private const string Markets = "---\ntitle: Markets Rise\npublished: 2024-03-05\n---\nMarkets rose slightly after the announcement.\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("What is the title of the article?")]
    [InlineData("what's the headline")]
    [InlineData("What’s the article’s title?")]
    [InlineData("Title?")]
    [InlineData("What is the article called?")]
    [InlineData("What are these stories titled?")]
    [InlineData("What is the name of the article?")]
    [InlineData("Which article is this?")]
    [InlineData("What articles do you have?")]
    [InlineData("Which stories are there?")]
    [InlineData("Can you list all the articles?")]
    [InlineData("Please show me the articles.")]
    public void Of_TitleQuestions_Title(string question)
    {
        Assert.Equal(TurnKind.Title, ArticleDetailRequest.Of(question));
    }

    [Theory]
    [InlineData("When was the article published?")]
    [InlineData("when was this written")]
    [InlineData("When was it posted?")]
    [InlineData("When did the story come out?")]
    [InlineData("What date was the article published?")]
    [InlineData("What is the date of the article?")]
    [InlineData("What's the article's date?")]
    [InlineData("What is the publication date?")]
    [InlineData("Publication date?")]
    [InlineData("How old is this article?")]
    [InlineData("Can you tell me when the article was published?")]
    public void Of_DateQuestions_Published(string question)
    {
        Assert.Equal(TurnKind.Published, ArticleDetailRequest.Of(question));
    }

    [Theory]
    [InlineData("What is the title of the book?")]
    [InlineData("When was the plan published?")]
    [InlineData("When was the 28-point draft written?")]
    [InlineData("What is the date?")]
    [InlineData("What date is the vote?")]
    [InlineData("What did the headline writer say about Putin?")]
    [InlineData("What is the article about?")]
    [InlineData("Who wrote the article?")]
    [InlineData("When did they run?")]
    public void Of_AboutSomethingInThem_Null(string question)
    {
        Assert.Null(ArticleDetailRequest.Of(question));
    }

    [Theory]
    [InlineData("When was it published?", null)]
    [InlineData("When was the article published?", TurnKind.Published)]
    [InlineData("What is the title?", TurnKind.Title)]
    public void Of_InAConversation_ADateQuestionOnlyWhenTheArticlesAreNamed(string question, TurnKind? kind)
    {
        Assert.NotNull(ArticleDetailRequest.Of(question));
        Assert.Equal(kind, ArticleDetailRequest.Of(question, inConversation: true));
    }

    [Fact]
    public void TurnKinds_Of_OverviewAndBylineFirst()
    {
        Assert.Equal(TurnKind.Overview, TurnKinds.Of("What is the article about?"));
        Assert.Equal(TurnKind.Byline, TurnKinds.Of("Who wrote the article?"));
        Assert.Equal(TurnKind.Title, TurnKinds.Of("What is the headline?"));
        Assert.Equal(TurnKind.Published, TurnKinds.Of("When was the article published?"));
        Assert.Equal(TurnKind.Question, TurnKinds.Of("When was the plan published?"));
    }

    [Fact]
    public async Task AnswerAsync_LocalTitle_TheSeedsHeadlineCitedFromItsOpeningPassage()
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("What is the title of the article?", Token);

        Assert.Equal("The article is “Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal” [1].", answer.Text);
        Assert.EndsWith("#0", Assert.Single(answer.Citations).PassageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_LocalSeveralArticles_EachTitleCitedNewestFirst()
    {
        using var folder = new TempFolder();
        folder.Write("talks.md", Talks);
        folder.Write("markets.md", Markets);
        folder.Write("weather.txt", "Weather Turns\n\nThe weather turned cold on Monday.\n");
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Articles:Path"] = folder.Path });

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("What articles do you have?", Token);

        Assert.Equal("The articles: “Talks Stall in Geneva” [1]. “Markets Rise” [2]. “Weather Turns” [3].", answer.Text);
        Assert.Equal(["talks#0", "markets#0", "weather#0"], answer.Citations.Select(c => c.PassageId));
    }

    [Fact]
    public async Task AnswerAsync_LocalDate_EachDatedArticleWithTheDateItsMetadataGives()
    {
        using var folder = new TempFolder();
        folder.Write("talks.md", Talks);
        folder.Write("markets.md", Markets);
        folder.Write("weather.txt", "Weather Turns\n\nThe weather turned cold on Monday, 4 March 2024.\n");
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Articles:Path"] = folder.Path });

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("When were the articles published?", Token);

        // The undated one is left out: a date in its text says when something happened, not when it was published.
        Assert.Equal("“Talks Stall in Geneva” was published on 2025-11-28 [1]. “Markets Rise” was published on 2024-03-05 [2].", answer.Text);
        Assert.Equal(["talks#0", "markets#0"], answer.Citations.Select(c => c.PassageId));
    }

    [Fact]
    public async Task AnswerAsync_FollowUpDate_TheArticleTheLastAnswerCited()
    {
        using var folder = new TempFolder();
        folder.Write("talks.md", Talks);
        folder.Write("markets.md", Markets);
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Articles:Path"] = folder.Path });
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        var first = await generator.AnswerAsync("Where did the talks between the delegations stall?", conversation, Token);
        Assert.Equal("talks#0", Assert.Single(first.Citations).PassageId);

        var answer = await generator.AnswerAsync("When was the article published?", conversation, Token);

        Assert.Equal("“Talks Stall in Geneva” was published on 2025-11-28 [1].", answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_DateWhenNoArticleIsDated_SearchedForLikeAnyQuestion()
    {
        var model = new RecordingChatService("The articles don't cover that.");
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Retrieval:MinScore"] = "0" }, s => s.AddSingleton<IChatCompletionService>(model));

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("When was the article published?", Token);

        // The seed article has no date: the question may be about an article it mentions, so it goes to the search,
        // which finds several of its passages (a detail question gets one opening passage an article).
        Assert.True(answer.Abstained);
        var user = Assert.Single(Assert.Single(model.Calls), m => m.Role == AuthorRole.User).Content!;
        Assert.Contains("\n[2] ", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_RealModel_GetsTheOpeningPassagesWithTheirDatedHeaders()
    {
        using var folder = new TempFolder();
        folder.Write("talks.md", Talks);
        folder.Write("markets.md", Markets);
        var model = new RecordingChatService("“Talks Stall in Geneva” came out on 28 November 2025 [1].");
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Articles:Path"] = folder.Path }, s => s.AddSingleton<IChatCompletionService>(model));

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("What is the publication date?", Token);

        var user = Assert.Single(Assert.Single(model.Calls), m => m.Role == AuthorRole.User).Content!;
        Assert.Contains("[1] Talks Stall in Geneva (2025-11-28) (by Jane Roe)", user, StringComparison.Ordinal);
        Assert.Contains("[2] Markets Rise (2024-03-05)", user, StringComparison.Ordinal);
        // The header is part of what the model read, so the title it names supports its marker.
        Assert.Equal("talks#0", Assert.Single(answer.Citations).PassageId);
    }

    [Fact]
    public void Titles_And_Dates_FromTheHeaders()
    {
        SourcesBlock.Source[] sources =
        [
            new(1, "Talks Stall", "Talks stalled in Geneva.", "Jane Roe", new DateOnly(2025, 11, 28)),
            new(2, "Other", "No date here."),
        ];

        Assert.Equal("The article is “Talks Stall” [1].", ExtractiveAnswerer.Titles([sources[0]]).Text);
        Assert.Equal("The articles: “Talks Stall” [1]. “Other” [2].", ExtractiveAnswerer.Titles(sources).Text);
        Assert.Equal("“Talks Stall” was published on 2025-11-28 [1].", ExtractiveAnswerer.Dates(sources).Text);
        Assert.Equal(Answer.NotCovered, ExtractiveAnswerer.Dates([sources[1]]).Text);
    }
}
