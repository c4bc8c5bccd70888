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

    private const string Weather = "Weather Turns\n\nThe weather turned cold on Monday.\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The engine over a folder of the given articles, with more settings and services when given.</summary>
    private sealed class Library : IAsyncDisposable
    {
        private readonly TempFolder _folder = new();

        public Library(IEnumerable<(string File, string Text)> files, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
        {
            foreach (var (file, text) in files)
            {
                _folder.Write(file, text);
            }

            var values = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Articles:Path"] = _folder.Path };
            Engine = TestEngine.Create(values, configure);
        }

        public ServiceProvider Engine { get; }

        public AnswerGenerator Generator => Engine.GetRequiredService<AnswerGenerator>();

        public async ValueTask DisposeAsync()
        {
            await Engine.DisposeAsync();
            _folder.Dispose();
        }
    }

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
    [InlineData("What are the article titles?")]
    [InlineData("Article title?")]
    [InlineData("What are the stories' titles?")]
    [InlineData("What are the titles of all the articles?")]
    [InlineData("What's the article's name?")]
    [InlineData("What are the articles?")]
    [InlineData("Give me the titles")]
    [InlineData("What does the headline say?")]
    [InlineData("What does the article's title say?")]
    [InlineData("what did the story's headline read")]
    [InlineData("What does the title of the article say?")]
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
    [InlineData("What date is the article from?")]
    [InlineData("Date of publication?")]
    [InlineData("When was the story released?")]
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
    [InlineData("What's the release date?")]
    [InlineData("When were they released?")]
    [InlineData("When did they come out?")]
    [InlineData("When is it from?")]
    [InlineData("What is the name?")]
    [InlineData("What is the name of the envoy?")]
    [InlineData("What does the title of the plan say?")]
    public void Of_AboutSomethingInThem_Null(string question)
    {
        Assert.Null(ArticleDetailRequest.Of(question));
    }

    [Theory]
    [InlineData("When was it published?", null)]
    [InlineData("What was the title?", null)] // of the book just discussed, more likely
    [InlineData("What's the publication date?", null)]
    [InlineData("When was the article published?", TurnKind.Published)]
    [InlineData("What is the title of the article?", TurnKind.Title)]
    [InlineData("What articles do you have?", TurnKind.Title)]
    [InlineData("What does the headline say?", TurnKind.Title)] // only an article has a headline
    public void Of_InAConversation_OnlyWhenTheArticlesAreNamed(string question, TurnKind? kind)
    {
        Assert.NotNull(ArticleDetailRequest.Of(question));
        Assert.Equal(kind, ArticleDetailRequest.Of(question, inConversation: true));
    }

    [Theory]
    [InlineData("What articles do you have?", true)]
    [InlineData("List all the stories", true)]
    [InlineData("What is the title of the article?", false)]
    [InlineData("When was the article published?", false)]
    public void AsksForAll_WhichArticlesThereAre(string question, bool all)
    {
        Assert.Equal(all, ArticleDetailRequest.AsksForAll(question));
    }

    [Fact]
    public void TurnKinds_Of_EachKindOfQuestion()
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
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets), ("weather.txt", Weather)]);

        var answer = await library.Generator.AnswerAsync("What articles do you have?", Token);

        Assert.Equal("The 3 articles: “Talks Stall in Geneva” [1]. “Markets Rise” [2]. “Weather Turns” [3].", answer.Text);
        Assert.Equal(["talks#0", "markets#0", "weather#0"], answer.Citations.Select(c => c.PassageId));
    }

    [Theory]
    [InlineData("Who wrote the Geneva article?", "Jane Roe wrote “Talks Stall in Geneva” [1].")]
    [InlineData("Who wrote the article about the talks?", "Jane Roe wrote “Talks Stall in Geneva” [1].")]
    [InlineData("When was the markets article published?", "“Markets Rise” was published on 2024-03-05 [1].")]
    [InlineData("What is the headline of the weather article?", "The article is “Weather Turns” [1].")]
    [InlineData("What is the article about the markets about?", "Markets rose slightly after the announcement [1].")]
    [InlineData("Summarize the story about the weather", "The weather turned cold on Monday [1].")]
    // Which articles speak of something: their titles, each cited where it does; how many there are.
    [InlineData("Which article mentions the delegations?", "The article is “Talks Stall in Geneva” [1].")]
    [InlineData("Is there an article about markets?", "The article is “Markets Rise” [1].")]
    [InlineData("Which story is about Mars?", "The articles don't cover that.")]
    [InlineData("How many articles are there?", "The 3 articles: “Talks Stall in Geneva” [1]. “Markets Rise” [2]. “Weather Turns” [3].")]
    // No article is about it: not covered, rather than another article's byline.
    [InlineData("Who wrote the article about Mars?", "The articles don't cover that.")]
    // Known, but not said: the weather article names no author and has no date, and the answer says so, cited.
    [InlineData("Who wrote the weather article?", "“Weather Turns” names no author [1].")]
    [InlineData("When was the weather article published?", "“Weather Turns” has no date [1].")]
    public async Task AnswerAsync_ArticleNamedByItsTopic_AboutThatArticleOnly(string question, string expected)
    {
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets), ("weather.txt", Weather)]);

        var answer = await library.Generator.AnswerAsync(question, Token);

        // Before, each was searched for as an ordinary question and got "The articles don't cover that.".
        Assert.Equal(expected, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_ConversationAboutAnArticleNamedByItsTopic_EachTurnAboutThatArticle()
    {
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets), ("weather.txt", Weather)]);
        var conversation = new Conversation();

        string[] asked = ["Who wrote the Geneva article?", "When was it published?", "What is its title?", "Summarize it", "Who wrote it?"];
        var answers = new List<string>();
        foreach (var question in asked)
        {
            answers.Add((await library.Generator.AnswerAsync(question, conversation, Token)).Text);
        }

        // Before, "When was it published?" after the byline was searched for and got the headline as a sentence, and
        // the turns after it followed that.
        Assert.Equal(
            [
                "Jane Roe wrote “Talks Stall in Geneva” [1].",
                "“Talks Stall in Geneva” was published on 2025-11-28 [1].",
                "The article is “Talks Stall in Geneva” [1].",
                "Talks between the delegations stalled in Geneva on Friday, officials said [1].",
                "Jane Roe wrote “Talks Stall in Geneva” [1].",
            ],
            answers);
    }

    [Fact]
    public async Task AnswerAsync_WhoWroteItAfterWhichArticleMentionsSomething_ThatArticlesAuthor()
    {
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets), ("weather.txt", Weather)]);
        var conversation = new Conversation();

        var which = await library.Generator.AnswerAsync("Which article mentions the delegations?", conversation, Token);
        var author = await library.Generator.AnswerAsync("Who wrote it?", conversation, Token);

        Assert.Equal("The article is “Talks Stall in Geneva” [1].", which.Text);
        Assert.Equal("Jane Roe wrote “Talks Stall in Geneva” [1].", author.Text);
    }

    [Fact]
    public async Task AnswerAsync_MoreArticlesThanTopK_SaysHowManyOfHowManyItLists()
    {
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets), ("weather.txt", Weather)], new Dictionary<string, string?> { ["Retrieval:TopK"] = "2" });

        var answer = await library.Generator.AnswerAsync("Which stories are there?", Token);

        Assert.Equal("2 of the 3 articles: “Talks Stall in Geneva” [1]. “Markets Rise” [2].", answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_LocalDate_EachDatedArticleWithTheDateItsMetadataGives()
    {
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets), ("weather.txt", "Weather Turns\n\nThe weather turned cold on Monday, 4 March 2024.\n")]);

        var answer = await library.Generator.AnswerAsync("When were the articles published?", Token);

        // The undated one is left out: a date in its text says when something happened, not when it was published.
        Assert.Equal("“Talks Stall in Geneva” was published on 2025-11-28 [1]. “Markets Rise” was published on 2024-03-05 [2].", answer.Text);
        Assert.Equal(["talks#0", "markets#0"], answer.Citations.Select(c => c.PassageId));
    }

    [Fact]
    public async Task AnswerAsync_FollowUps_TheDateOfTheArticleCitedAndTheTitlesOfAll()
    {
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets)]);
        var conversation = new Conversation();
        var first = await library.Generator.AnswerAsync("Where did the talks between the delegations stall?", conversation, Token);
        Assert.Equal("talks#0", Assert.Single(first.Citations).PassageId);

        var date = await library.Generator.AnswerAsync("When was the article published?", conversation, Token);
        var all = await library.Generator.AnswerAsync("What articles do you have?", conversation, Token);

        Assert.Equal("“Talks Stall in Geneva” was published on 2025-11-28 [1].", date.Text);
        Assert.Equal("The 2 articles: “Talks Stall in Geneva” [1]. “Markets Rise” [2].", all.Text);
    }

    [Fact]
    public async Task AnswerAsync_DateWhenNoArticleIsDated_SearchedForLikeAnyQuestion()
    {
        var model = new RecordingChatService("The articles don't cover that.");
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Retrieval:MinScore"] = "0" }, s => s.AddSingleton<IChatCompletionService>(model));

        await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("When was the article published?", Token);

        // The seed article has no date: the question may be about an article it mentions, so it goes to the search,
        // which finds several of its passages (a detail question gets one opening passage an article).
        var user = Assert.Single(Assert.Single(model.Calls), m => m.Role == AuthorRole.User).Content!;
        Assert.Contains("\n[2] ", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_LocalDateWhenNoArticleIsDated_TheLearnedModelsJudgeWhatTheSearchFound()
    {
        await using var library = new Library([("tesla.txt", "Tesla and the War\n\nTesla wrote many essays.\n\nHis article “A Machine to End War” was published in 1937 in Liberty magazine.\n")]);

        var answer = await library.Generator.AnswerAsync("When was the article published?", Token);

        // Not the date answer (no article is dated, which would say "The articles don't cover that." at confidence 0):
        // the Local model scored the sentences the search found, as for any question.
        Assert.True(answer.Confidence > 0, $"confidence {answer.Confidence}: {answer.Text}");
    }

    [Fact]
    public async Task AnswerAsync_RealModel_GetsTheOpeningPassagesWithTheirDatedHeaders()
    {
        var model = new RecordingChatService("“Talks Stall in Geneva” came out on 28 November 2025 [1].");
        await using var library = new Library([("talks.md", Talks), ("markets.md", Markets)], configure: s => s.AddSingleton<IChatCompletionService>(model));

        var answer = await library.Generator.AnswerAsync("What is the publication date?", Token);

        var user = Assert.Single(Assert.Single(model.Calls), m => m.Role == AuthorRole.User).Content!;
        Assert.Contains("[1] Talks Stall in Geneva (2025-11-28) (by Jane Roe)", user, StringComparison.Ordinal);
        Assert.Contains("[2] Markets Rise (2024-03-05)", user, StringComparison.Ordinal);
        // The claim quotes the title and the date the header gave the model, so its marker stands.
        Assert.Equal("talks#0", Assert.Single(answer.Citations).PassageId);
    }

    [Fact]
    public void Titles_OneSeveralOrSomeOfMore_ATitleEachCited()
    {
        SourcesBlock.Source[] sources = [new(1, "Talks Stall", "Talks stalled in Geneva."), new(2, "Other", "No date here.")];

        Assert.Equal("The article is “Talks Stall” [1].", ExtractiveAnswerer.Titles([sources[0]], 1).Text);
        Assert.Equal("The 2 articles: “Talks Stall” [1]. “Other” [2].", ExtractiveAnswerer.Titles(sources, 2).Text);
        Assert.Equal("2 of the 7 articles: “Talks Stall” [1]. “Other” [2].", ExtractiveAnswerer.Titles(sources, 7).Text);
        Assert.Equal(Answer.NotCovered, ExtractiveAnswerer.Titles([], 0).Text);
    }

    [Fact]
    public void Dates_DatedAndUndated_OnlyTheDatedOnes()
    {
        SourcesBlock.Source[] sources =
        [
            new(1, "Talks Stall", "Talks stalled in Geneva.", "Jane Roe", new DateOnly(2025, 11, 28)),
            new(2, "Other", "No date here."),
        ];

        Assert.Equal("“Talks Stall” was published on 2025-11-28 [1].", ExtractiveAnswerer.Dates(sources).Text);
        // Undated alone only when that article was asked about: it says it gives none.
        Assert.Equal("“Other” has no date [1].", ExtractiveAnswerer.Dates([sources[1] with { Number = 1 }]).Text);
        Assert.Equal(Answer.NotCovered, ExtractiveAnswerer.Dates([]).Text);
    }
}
