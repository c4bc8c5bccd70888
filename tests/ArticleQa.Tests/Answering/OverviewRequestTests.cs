using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleQa.Tests.Answering;

public sealed class OverviewRequestTests
{
    private const string Lead = "Russian President Vladimir Putin on Thursday spoke favorably about the US’s initial 28-point draft";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("What is the article about?")]
    [InlineData("what's this article about")]
    [InlineData("What are these articles about?")]
    [InlineData("What does the story say?")]
    [InlineData("What is this about?")]
    [InlineData("Summarize the article.")]
    [InlineData("Can you summarise it?")]
    [InlineData("please sum up the articles")]
    [InlineData("Can you sum it up?")]
    [InlineData("Give me a short summary")]
    [InlineData("Give me an overview of the news")]
    [InlineData("What are the main points?")]
    [InlineData("What's the main point?")]
    [InlineData("What’s the big news?")]
    [InlineData("what is the key takeaway")]
    [InlineData("What are the key takeaways of the article?")]
    [InlineData("TL;DR")]
    [InlineData("tldr?")]
    [InlineData("What's the gist?")]
    [InlineData("What’s the article about?")]
    [InlineData("Could you please summarize the article?")]
    [InlineData("Summarize the article for me")]
    [InlineData("What the article is about?")]
    public void Matches_AboutTheArticlesAsAWhole_True(string question)
    {
        Assert.True(OverviewRequest.Matches(question));
    }

    [Theory]
    [InlineData("What do the articles say about Moscow?")]
    [InlineData("What is the article's author?")]
    [InlineData("Summarize Putin's position")]
    [InlineData("What are the main points of the US plan?")]
    [InlineData("What is the 28-point plan about?")]
    [InlineData("Who wrote the article?")]
    [InlineData("What is it?")]
    public void Matches_AboutSomethingInThem_False(string question)
    {
        Assert.False(OverviewRequest.Matches(question));
    }

    [Theory]
    [InlineData("Summarize it", false)]
    [InlineData("What is this about?", false)]
    [InlineData("Give me a summary of it", false)]
    [InlineData("Can you sum it up?", false)]
    [InlineData("What are the main points?", true)]
    [InlineData("Give me a summary", true)]
    [InlineData("TL;DR", true)]
    [InlineData("Summarize the article", true)]
    [InlineData("What are the articles about?", true)]
    public void Matches_InAConversation_WhenTheArticlesAreNamedOrNothingIsReferredTo(string question, bool overview)
    {
        Assert.True(OverviewRequest.Matches(question));
        Assert.Equal(overview, OverviewRequest.Matches(question, inConversation: true));
    }

    [Theory]
    [InlineData("Can you tell me what the article is about?")]
    [InlineData("Tell me, what is the article about?")]
    [InlineData("Hey! Could you please summarize the article?")]
    // The Local model reads one line of the prompt's "Search query:"; the engine tells it the turn is an overview.
    [InlineData("What is the article\nabout?")]
    public async Task AnswerAsync_WrappedOverview_TheLeadAsWell(string question)
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, Token);

        Assert.StartsWith(Lead, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_LocalAfterAnotherTurn_SummarizeItFollowsTheConversation()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        await generator.AnswerAsync("Who will travel to Moscow next week?", conversation, Token);

        var answer = await generator.AnswerAsync("Summarize it", conversation, Token);

        Assert.NotEqual("Summarize it", answer.CondensedQuery);
        Assert.Contains("Witkoff", answer.CondensedQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Who is the author?", "Summarize it")]
    [InlineData("What is the title of the article?", "Can you sum it up?")]
    public async Task AnswerAsync_LocalSummarizeItAfterATurnAboutTheArticle_TheArticlesOverviewThenReadingOn(string first, string summarize)
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        var about = await generator.AnswerAsync(first, conversation, Token);

        var summary = await generator.AnswerAsync(summarize, conversation, Token);
        var more = await generator.AnswerAsync("Tell me more", conversation, Token);

        // "It" is the article the last turn was about: its lead, not the byline or the title again.
        Assert.False(about.Abstained);
        Assert.StartsWith(Lead, summary.Text, StringComparison.Ordinal);
        Assert.EndsWith("#0", Assert.Single(summary.Citations).PassageId, StringComparison.Ordinal);
        Assert.StartsWith("“In general, we agree that this could be the basis for future agreements,”", more.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void LeadSentence_HeadlineAndSubtitleFirst_TheFirstSentenceThatEndsAsOne()
    {
        string[] sentences = ["Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal", "Witkoff will travel to Moscow next week", "Putin spoke on Thursday.", "More followed."];

        Assert.Equal("Putin spoke on Thursday.", OverviewRequest.LeadSentence("Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal", sentences));
        Assert.Equal("Witkoff will travel to Moscow next week", OverviewRequest.LeadSentence("Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal", sentences.Take(2)));
        Assert.Null(OverviewRequest.LeadSentence("Title", ["Title"]));
    }

    [Fact]
    public void NextSentence_AfterWhatWasSaid_TheSentenceAfterTheLastOneSaid()
    {
        const string Title = "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal";
        string[] sentences = [Title, "Witkoff will travel to Moscow next week", "Putin spoke on Thursday.", "He was in Bishkek.", "More followed."];

        // Said with its marker and other marks: the next sentence after it, not the subtitle before it.
        Assert.Equal("He was in Bishkek.", OverviewRequest.NextSentence(Title, sentences, new SaidText("Putin spoke on Thursday [1].")));
        Assert.Equal("More followed.", OverviewRequest.NextSentence(Title, sentences, new SaidText("Putin spoke on Thursday [1]. He was in Bishkek [1].")));
        // Nothing of this passage said: its lead, as for the overview itself.
        Assert.Equal("Putin spoke on Thursday.", OverviewRequest.NextSentence(Title, sentences, new SaidText("Geneva hosted the talks [2].")));
        Assert.Null(OverviewRequest.NextSentence(Title, sentences, new SaidText("More followed [1].")));
    }

    [Fact]
    public void NextSentence_SeparatorLines_AreNoSentences()
    {
        const string Title = "Talks Stall";
        string[] sentences = ["The talks stalled on Friday.", "***", "— —", "Officials met again on Monday"];

        // "***" is skipped, and the last line, without a final stop, is read out rather than the separator.
        Assert.Equal("Officials met again on Monday", OverviewRequest.NextSentence(Title, sentences, new SaidText("The talks stalled on Friday [1].")));
        Assert.Null(OverviewRequest.NextSentence(Title, ["***"], new SaidText("Something else [1].")));
    }

    [Fact]
    public void NextSentence_AfterTheAuthorsNote_NothingOfThePagesBoilerplate()
    {
        const string Title = "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal";
        string[] sentences = ["“If they don’t withdraw, we will achieve this through military means,” he said.", "Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave.", "Join the Discussion!", "We welcome thoughtful and respectful comments."];

        Assert.Equal(sentences[1], OverviewRequest.NextSentence(Title, sentences, new SaidText("“If they don’t withdraw, we will achieve this through military means,” he said [1].")));
        Assert.Null(OverviewRequest.NextSentence(Title, sentences, new SaidText("Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave [1].")));
        // The overview's lead is chosen from the whole passage, as before.
        Assert.Equal(sentences[0], OverviewRequest.LeadSentence(Title, sentences));
    }

    [Fact]
    public void Overview_ReadingOnFromShortSentences_WholeSentencesOfAtLeastAFewWords()
    {
        const string Text = "Putin spoke on Thursday in Bishkek about the plan that the US had drafted. “Signing documents is pointless. I have said so often.” He went on to other matters, among them the elections that Ukraine has not held, and the war.";
        SourcesBlock.Source[] sources = [new(1, "Title", Text)];

        var answer = ExtractiveAnswerer.Overview(sources, "Putin spoke on Thursday in Bishkek about the plan that the US had drafted [1].");
        var next = ExtractiveAnswerer.Overview(sources, "Putin spoke on Thursday in Bishkek about the plan that the US had drafted [1]. " + answer.Text);

        // The two short quoted sentences are too little for a turn: the long one after them is added.
        Assert.Equal("“Signing documents is pointless. I have said so often.” He went on to other matters, among them the elections that Ukraine has not held, and the war [1].", answer.Text);
        Assert.Equal(Answer.NotCovered, next.Text);
    }

    [Fact]
    public async Task AnswerAsync_LocalTellMeMoreToTheEnd_EndsWithTheAuthorsNote()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        await generator.AnswerAsync("What is the article about?", conversation, Token);
        var read = new List<Answer>();

        // Read on to the end of the seed: its byline is followed by the page's comment boilerplate.
        while (read.Count < 20 && await generator.AnswerAsync("Tell me more", conversation, Token) is { Abstained: false } answer)
        {
            read.Add(answer);
        }

        Assert.InRange(read.Count, 8, 19);
        Assert.Equal(Answer.NoMore, conversation.Turns[^1].Answer);
        Assert.Equal(Answer.NoMore, (await generator.AnswerAsync("Tell me more", conversation, Token)).Text);
        Assert.EndsWith("Dave DeCamp is the news editor of Antiwar.com, follow him on Twitter @decampdave [1].", read[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(read, a => a.Text.Contains("Discussion", StringComparison.Ordinal) || a.Text.Contains("comments", StringComparison.Ordinal));
        Assert.Equal(read.Count, read.Select(a => a.Text).Distinct().Count());
    }

    [Fact]
    public async Task AnswerAsync_LocalTellMeMoreAfterTheOverview_ReadsOnInTheArticle()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        var overview = await generator.AnswerAsync("What is the article about?", conversation, Token);
        var answers = new List<Answer>();

        // More of them than the turns a conversation keeps (Answering:HistoryTurns, 4): the last still reads on.
        foreach (var _ in Enumerable.Range(0, 6))
        {
            answers.Add(await generator.AnswerAsync("Tell me more", conversation, Token));
        }

        Assert.StartsWith("Russian President Vladimir Putin on Thursday", overview.Text, StringComparison.Ordinal);
        // The seed's next paragraph, then on through the article: each one cited, none said twice.
        Assert.StartsWith("“In general, we agree that this could be the basis for future agreements,” Putin told reporters during a visit to Bishkek", answers[0].Text, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Single(a.Citations));
        Assert.Equal(7, answers.Prepend(overview).Select(a => a.Text).Distinct().Count());
        Assert.Equal(["#0", "#1", "#1", "#1", "#1", "#2", "#2"], answers.Prepend(overview).Select(a => a.Citations[0].PassageId[a.Citations[0].PassageId.LastIndexOf('#')..]));
    }

    [Fact]
    public async Task AnswerAsync_Local_TheArticlesLeadCitedFromItsOpeningPassage()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();

        var answer = await generator.AnswerAsync("What is the article about?", Token);

        Assert.False(answer.Abstained);
        Assert.StartsWith(Lead, answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("[1].", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("#0", Assert.Single(answer.Citations).PassageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_LocalAfterAnotherTurn_StillTheOverviewNotTheLastTurnsNames()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        await generator.AnswerAsync("Where did Putin speak to reporters?", conversation, Token);

        var answer = await generator.AnswerAsync("Summarize the article", conversation, Token);

        Assert.Equal("Summarize the article", answer.CondensedQuery);
        Assert.StartsWith(Lead, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_RealModel_GetsTheOpeningPassageAsItsSource()
    {
        // Searching for "What is the article about?" finds no passage above Retrieval:MinScore, which would have
        // abstained without asking the model; the opening passage is the source instead.
        var model = new RecordingChatService("It is about Putin's view of the US plan [1].");
        await using var engine = TestEngine.WithModel(model);

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("What is the article about?", Token);

        Assert.False(answer.Abstained);
        var history = Assert.Single(model.Calls);
        var user = Assert.Single(history, m => m.Role == AuthorRole.User).Content!;
        Assert.Contains(Lead, user, StringComparison.Ordinal);
        Assert.DoesNotContain("Dave DeCamp", user, StringComparison.Ordinal);
        Assert.EndsWith("#0", Assert.Single(answer.Citations).PassageId, StringComparison.Ordinal);
    }
}
