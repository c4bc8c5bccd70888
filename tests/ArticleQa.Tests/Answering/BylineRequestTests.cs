using ArticleQa.Answering;
using ArticleQa.Tests.Articles;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleQa.Tests.Answering;

public sealed class BylineRequestTests
{
    private const string Note = "Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave.";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Who is the author?")]
    [InlineData("who's the author")]
    [InlineData("Who’s the writer?")]
    [InlineData("Who wrote this article?")]
    [InlineData("Who wrote it?")]
    [InlineData("who wrote the story")]
    [InlineData("Who is the author of this article?")]
    [InlineData("Who was the reporter behind the piece?")]
    [InlineData("Who was the article written by?")]
    [InlineData("By whom was the article written?")]
    [InlineData("What is the author's name?")]
    [InlineData("Can you tell me who wrote the article?")]
    [InlineData("Name the author.")]
    [InlineData("Author?")]
    public void Matches_WhoWroteTheArticles_True(string question)
    {
        Assert.True(BylineRequest.Matches(question));
    }

    [Theory]
    [InlineData("Who wrote the letter?")]
    [InlineData("Who is the author of the plan?")]
    [InlineData("Who wrote the 28-point draft?")]
    [InlineData("Who wrote the report?")]
    [InlineData("Who is the journalist?")]
    [InlineData("Who is the American envoy?")]
    [InlineData("What did the author say about Europe?")]
    [InlineData("What is the article about?")]
    [InlineData("Who?")]
    public void Matches_AboutSomethingInThem_False(string question)
    {
        Assert.False(BylineRequest.Matches(question));
    }

    [Theory]
    [InlineData("Who wrote it?", false)]
    [InlineData("Who wrote that?", false)]
    [InlineData("Who wrote this?", true)]
    [InlineData("Who is the author?", true)]
    [InlineData("Who wrote the article?", true)]
    public void Matches_InAConversation_WhenTheArticlesTheirWriterOrThisTextAreNamed(string question, bool byline)
    {
        Assert.True(BylineRequest.Matches(question));
        Assert.Equal(byline, BylineRequest.Matches(question, inConversation: true));
    }

    [Fact]
    public void Sentence_AuthorsNoteBeforeBoilerplate_TheNote()
    {
        string[][] passages =
        [
            ["Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal", "Putin spoke on Thursday."],
            ["John Smith is a reporter who covered the talks for a Russian paper, Putin said."],
            ["The deal is not final.", Note],
            ["Join the Discussion!", "We welcome thoughtful and respectful comments."],
        ];

        Assert.Equal((2, Note), BylineRequest.Sentence(passages.Length, p => passages[p], author: null));
    }

    [Fact]
    public void Sentence_QuotedReporterInTheMiddle_NotTakenForTheAuthor()
    {
        string[][] passages =
        [
            ["Opening."], ["Jane Roe is a reporter for the Daily Planet."], ["Second."], ["Third."], ["Last."],
        ];

        Assert.Null(BylineRequest.Sentence(passages.Length, p => passages[p], author: null));
    }

    [Theory]
    [InlineData("By Jane Roe and John Doe", 0)]
    [InlineData("Written by Jane Roe", 0)]
    [InlineData("Reporting by Jane Roe; Editing by John Doe", 0)]
    public void Sentence_BylineLineAtTheStart_TheByline(string byline, int passage)
    {
        string[][] passages = [["Headline", byline, "Body."], ["More."], ["More."], ["More."], ["Last."]];

        Assert.Equal((passage, byline), BylineRequest.Sentence(passages.Length, p => passages[p], author: null));
    }

    [Fact]
    public void Sentence_MetadataAuthor_TheSentenceThatNamesThemWherePatternsFail()
    {
        string[][] passages = [["Opening."], ["More."], ["As Jane Roe found in Kyiv, talks stalled."], ["More."], ["More."], ["Last."]];

        Assert.Equal((2, "As Jane Roe found in Kyiv, talks stalled."), BylineRequest.Sentence(passages.Length, p => passages[p], "Jane Roe"));
        Assert.Null(BylineRequest.Sentence(passages.Length, p => passages[p], author: null));
        Assert.Null(BylineRequest.Sentence(0, p => passages[p], "Jane Roe"));
    }

    [Fact]
    public void Sentence_ReadsOnlyTheEndsWhenTheyHoldTheByline()
    {
        var read = new List<int>();
        string[][] passages = [["By Jane Roe", "Body."], ["More."], ["More."], ["More."], ["More."], ["Last."]];

        BylineRequest.Sentence(passages.Length, p => { read.Add(p); return passages[p]; }, author: null);

        Assert.Equal([0, 3, 4, 5], read.Order());
    }

    [Fact]
    public async Task AnswerAsync_Local_TheAuthorsNoteCitedFromItsPassage()
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who is the author?", Token);

        Assert.False(answer.Abstained);
        Assert.StartsWith("Dave DeCamp is the news editor of Antiwar.com", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("[1].", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Dave DeCamp", Assert.Single(answer.Citations).Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_RealModel_GetsTheBylinePassageAsItsSource()
    {
        var model = new RecordingChatService("Dave DeCamp wrote it [1].");
        await using var engine = TestEngine.WithModel(model);

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who wrote the article?", Token);

        Assert.False(answer.Abstained);
        var user = Assert.Single(Assert.Single(model.Calls), m => m.Role == AuthorRole.User).Content!;
        Assert.Contains(Note, user, StringComparison.Ordinal);
        Assert.DoesNotContain("Witkoff will travel to Moscow next week", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_FollowUpWhoWroteIt_AnOrdinaryQuestionAboutWhatWasDiscussed()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        await generator.AnswerAsync("What did the initial US plan call for?", conversation, Token);

        var answer = await generator.AnswerAsync("Who is the author?", conversation, Token);

        Assert.StartsWith("Dave DeCamp", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_LocalTwoArticles_EachAuthorCitedNewestFirstAndNoneForAnArticleWithoutOne()
    {
        using var folder = new TempFolder();
        folder.Write("talks.md", "---\ntitle: Talks Stall in Geneva\nauthor: Jane Roe\npublished: 2025-11-28\n---\nTalks between the delegations stalled in Geneva on Friday, officials said.\n\nNeither side would say when they would resume.\n");
        folder.Write("older.txt", "Markets Rise\n\nBy John Doe\n\nMarkets rose slightly after the announcement.\n");
        folder.Write("anonymous.txt", "Weather Turns\n\nThe weather turned cold on Monday.\n");
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Articles:Path"] = folder.Path });

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who wrote the articles?", Token);

        Assert.Equal("Jane Roe wrote “Talks Stall in Geneva” [1]. By John Doe [2].", answer.Text);
        Assert.Equal(["talks#0", "older#0"], answer.Citations.Select(c => c.PassageId));
    }

    [Fact]
    public async Task AnswerAsync_NoArticleNamesItsAuthor_NotCovered()
    {
        using var folder = new TempFolder();
        folder.Write("anonymous.txt", "Weather Turns\n\nThe weather turned cold on Monday.\n");
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Articles:Path"] = folder.Path });

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who is the author?", Token);

        Assert.True(answer.Abstained);
        Assert.Equal(Answer.NotCovered, answer.Text);
    }

    [Fact]
    public void Byline_MetadataAuthorOnlyInTheHeader_SaysTheyWroteIt()
    {
        SourcesBlock.Source[] sources = [new(1, "Talks Stall", "Talks stalled in Geneva.", "Jane Roe"), new(2, "Other", "No byline here.")];

        var answer = ExtractiveAnswerer.Byline(sources);

        Assert.Equal("Jane Roe wrote “Talks Stall” [1].", answer.Text);
        // Without an author only when that article was asked about: it says it names none.
        Assert.Equal("“Other” names no author [1].", ExtractiveAnswerer.Byline([sources[1] with { Number = 1 }]).Text);
        Assert.Equal(Answer.NotCovered, ExtractiveAnswerer.Byline([]).Text);
    }
}
