using ArticleQa.Answering;
using ArticleQa.Evaluation;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleQa.Tests.Answering;

/// <summary>The one place that records, trims and carries forward a conversation's turns, for the bot, chat and eval.</summary>
public sealed class ConversationTests
{
    private const string Question = "Who will travel to Moscow next week?";
    private const string FollowUp = "What will he discuss there?";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Answer Answered(string text) => new(text, [], Abstained: false);

    /// <summary>The answers to <paramref name="questions"/>, asked in turn in one conversation with the Local model over the seed.</summary>
    private static async Task<List<Answer>> LocalTurnsAsync(params string[] questions)
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        var answers = new List<Answer>();
        foreach (var question in questions)
        {
            answers.Add(await generator.AnswerAsync(question, conversation, Token));
        }

        return answers;
    }

    [Fact]
    public void Record_FailedAnswer_IsNotRecorded()
    {
        var conversation = new Conversation();

        conversation.Record(Question, new Answer(Answer.Apology, [], Abstained: false) { Failed = true }, keep: 4);

        Assert.Empty(conversation.Turns);
    }

    [Fact]
    public void Record_Abstention_IsRecorded()
    {
        var conversation = new Conversation();

        conversation.Record(" " + Question + " ", Answer.NotCoveredAnswer, keep: 4);

        var turn = Assert.Single(conversation.Turns);
        Assert.Equal(Question, turn.Question);
        Assert.Equal(Answer.NotCovered, turn.Answer);
    }

    [Fact]
    public void Record_MoreTurnsThanKept_KeepsTheLatest()
    {
        var conversation = new Conversation();

        foreach (var i in Enumerable.Range(1, 5))
        {
            conversation.Record($"Question {i}?", Answered($"Answer {i} [1]."), keep: 3);
        }

        Assert.Equal(["Question 3?", "Question 4?", "Question 5?"], conversation.Turns.Select(t => t.Question));
        Assert.Equal(["Question 4?", "Question 5?"], conversation.Recent(2).Select(t => t.Question));
    }

    [Fact]
    public async Task AnswerAsync_LocalWhatAboutANameAfterAnAnswer_WhatTheArticlesSayAboutIt()
    {
        var answers = await LocalTurnsAsync(Question, "What about Geneva?", "And Kyiv?");

        Assert.Contains("Witkoff", answers[0].Text, StringComparison.Ordinal);
        // Not Witkoff's trip again: the sentence that names Geneva, cited; a name the seed lacks is not covered.
        Assert.Contains("Geneva", answers[1].Text, StringComparison.Ordinal);
        Assert.Contains("Geneva", Assert.Single(answers[1].Citations).Passage, StringComparison.Ordinal);
        Assert.Equal(Answer.NotCovered, answers[2].Text);
    }

    [Fact]
    public async Task AnswerAsync_LocalSummaryOrWriterAskedMidConversation_TheOverviewAndTheByline()
    {
        var answers = await LocalTurnsAsync(Question, "Give me a summary", "What are the main points?", "Who wrote this?");

        // Before, each was condensed with the last turn's names and not covered.
        Assert.All(answers.Skip(1).Take(2), a => Assert.StartsWith("Russian President Vladimir Putin on Thursday spoke favorably", a.Text, StringComparison.Ordinal));
        Assert.StartsWith("Dave DeCamp is the news editor of Antiwar.com", answers[3].Text, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.Single(a.Citations));
    }

    [Fact]
    public async Task AnswerAsync_LocalTellMeMoreAfterAQuestionAboutAName_MoreAboutThatName()
    {
        var answers = await LocalTurnsAsync("Where is Witkoff going?", "Tell me more", "Tell me more");

        Assert.Contains("Moscow", answers[0].Text, StringComparison.Ordinal);
        // The other sentence about Witkoff, though it answers "Where is Witkoff going?" less surely (before: "The
        // articles don't say more about that."); then the seed has no more about him.
        Assert.StartsWith("Putin also confirmed that President Trump’s special envoy, Steve Witkoff", answers[1].Text, StringComparison.Ordinal);
        Assert.Single(answers[1].Citations);
        Assert.Equal(Answer.NoMore, answers[2].Text);
    }

    [Fact]
    public void Record_TellMeMoreAlone_KeepsTheQuestionItAsksAgain()
    {
        var conversation = new Conversation();

        conversation.Record(Question, Answered("Witkoff [1]."), keep: 2);
        conversation.Record("Tell me more", Answered("He will discuss the deal [1]."), keep: 2);
        conversation.Record("Go on", Answer.NotCoveredAnswer, keep: 2);
        conversation.Record("What else did Putin say?", Answered("Europe [1]."), keep: 2);

        // The first question is no longer kept; the requests for more that named nothing still say what they asked.
        Assert.Equal(["Go on", "What else did Putin say?"], conversation.Turns.Select(t => t.Question));
        Assert.Equal(Question, conversation.Turns[0].Subject);
        Assert.Null(conversation.Turns[1].Subject);
    }

    [Fact]
    public void Record_RunOfTellMeMore_KeepsWhatTheRunSaid()
    {
        var conversation = new Conversation();

        conversation.Record(Question, Answered("Witkoff [1]."), keep: 2);
        conversation.Record("Tell me more", Answered("He will discuss the deal [1]."), keep: 2);
        conversation.Record("Go on", Answer.NotCoveredAnswer, keep: 2);
        conversation.Record("Tell me more", Answer.NotCoveredAnswer, keep: 2);

        // Neither answer is among the turns kept; the last request still holds both, so they are not said again.
        Assert.Equal(["Go on", "Tell me more"], conversation.Turns.Select(t => t.Question));
        Assert.Equal("Witkoff [1]. He will discuss the deal [1].", conversation.Turns[0].SaidBefore);
        // Without "The articles don't cover that." of the third: it says nothing to leave out.
        Assert.Equal("Witkoff [1]. He will discuss the deal [1].", conversation.Turns[1].SaidBefore);
    }

    [Fact]
    public async Task AnswerAsync_LocalTellMeMoreLongerThanTheTurnsKept_SaysNothingAgain()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        var replies = new List<string> { (await generator.AnswerAsync("What did Putin say about Europe?", conversation, Token)).Text };
        for (var i = 0; i < 8; i++)
        {
            replies.Add((await generator.AnswerAsync("Tell me more", conversation, Token)).Text);
        }

        // The "ridiculous" sentence, the quotation that goes on from it, then no more, however long the run (before,
        // once the first answer was no longer among the turns kept, it came again).
        Assert.Contains("“ridiculous”", replies[0], StringComparison.Ordinal);
        Assert.Contains("no problem", replies[1], StringComparison.Ordinal);
        Assert.All(replies.Skip(2), r => Assert.Equal(Answer.NoMore, r));
    }

    [Fact]
    public async Task AnswerAsync_LocalMoreAboutASubjectTwoTurnsOn_NotTheAnswerGivenBefore()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        var first = await generator.AnswerAsync("Who will travel to Moscow next week?", conversation, Token);
        await generator.AnswerAsync("What did Putin say about Europe?", conversation, Token);
        var more = await generator.AnswerAsync("Tell me more about Witkoff", conversation, Token);

        // Before, the envoy sentence of two turns back came again: only the last answer was left out.
        Assert.Contains("Witkoff", first.Text, StringComparison.Ordinal);
        Assert.Contains("Witkoff", more.Text, StringComparison.Ordinal);
        Assert.NotEqual(first.Text, more.Text);
    }

    [Fact]
    public async Task AnswerAsync_LocalAskedAgainAboutSomethingElse_TheSpeakersWordsOnIt()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        var plan = await generator.AnswerAsync("What did Putin say about the plan?", conversation, Token);
        var europe = await generator.AnswerAsync("And about Europe?", conversation, Token);
        var elections = await generator.AnswerAsync("What about the elections?", conversation, Token);

        // Before, both follow-ups got the lead about the plan again: the last turn's names pulled the search back to it.
        Assert.Contains("basis", plan.Text, StringComparison.Ordinal);
        Assert.Contains("ridiculous", europe.Text, StringComparison.Ordinal);
        Assert.Contains("lack of elections", elections.Text, StringComparison.Ordinal);
        Assert.All(new[] { europe, elections }, a => Assert.Single(a.Citations));
    }

    [Fact]
    public async Task AnswerAsync_LocalWhyAndWhoSaidThat_AboutTheLastQuestionsSubjectNotTheHeadline()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        await generator.AnswerAsync("What did Putin say about the Ukrainian government?", conversation, Token);
        var why = await generator.AnswerAsync("Why?", conversation, Token);
        var who = await generator.AnswerAsync("Who said that?", conversation, Token);

        // Before, both were searched for as the last answer's names alone and got the headline, which has most of them.
        Assert.Contains("because of the lack of elections", why.Text, StringComparison.Ordinal);
        Assert.Contains("Putin", who.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Could Be", who.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_LocalTellMeMoreAfterMoreAboutASubject_StillNotTheAnswerGivenBefore()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        var first = await generator.AnswerAsync("What did Putin say?", conversation, Token);
        var other = await generator.AnswerAsync("What else did Putin say?", conversation, Token);
        var more = await generator.AnswerAsync("Tell me more", conversation, Token);

        // "Tell me more" asks "What else did Putin say?" again: what that one left out stays out.
        Assert.Equal(3, new[] { first.Text, other.Text, more.Text }.Distinct().Count());
    }

    [Fact]
    public async Task AnswerAsync_LocalTellMeMoreAboutTheArticleAfterItsSummary_ReadsOnFromTheSummary()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        await generator.AnswerAsync("Who will travel to Moscow next week?", conversation, Token);
        await generator.AnswerAsync("Summarize the article", conversation, Token);
        var more = await generator.AnswerAsync("Tell me more about the article", conversation, Token);

        // The sentence after the lead, not the one after the envoy's trip, which an earlier turn cited.
        Assert.Contains("In general, we agree", more.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_Conversation_RecordsTheTurnWithItsCitations()
    {
        await using var engine = TestEngine.Create(new Dictionary<string, string?> { ["Answering:HistoryTurns"] = "1" });
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        var first = await generator.AnswerAsync(Question, conversation, Token);
        await generator.AnswerAsync(FollowUp, conversation, Token);

        var turn = Assert.Single(conversation.Turns);
        Assert.Equal(FollowUp, turn.Question);
        Assert.NotEmpty(first.Citations);
        Assert.NotEmpty(turn.CitedPassageIds);
    }

    [Fact]
    public async Task StreamAsync_Conversation_RecordsTheFinalAnswer()
    {
        await using var engine = TestEngine.Create();
        var conversation = new Conversation();
        Answer? final = null;

        await foreach (var update in engine.GetRequiredService<AnswerGenerator>().StreamAsync(Question, conversation, Token))
        {
            if (update.Final is { } answer)
            {
                final = answer;
                break;
            }
        }

        var turn = Assert.Single(conversation.Turns);
        Assert.Equal(final!.Text, turn.Answer);
    }

    [Fact]
    public async Task EvaluateAsync_ConversationWhoseFirstModelCallFailed_FollowUpIsNotCondensedAgainstTheApology()
    {
        // The first turn's model call fails; the bot and chat do not keep that turn, so eval must not either.
        var model = new ScriptedChatService(new HttpOperationException("503 from the provider"), "He will discuss the deal [1].");
        await using var engine = TestEngine.WithModel(model);
        var generator = engine.GetRequiredService<AnswerGenerator>();
        EvalConversation[] conversations = [new("c1", [Question, FollowUp], ["deal"], "", Answerable: true)];

        var evaluation = await AnswerEvaluator.EvaluateAsync([], conversations, generator.AnswerAsync, cancellationToken: Token);

        var result = Assert.Single(evaluation.Results);
        Assert.Equal(FollowUp, result.CondensedQuery);
        Assert.False(result.Failed);
    }

    [Theory]
    [InlineData("Tell me more about him")]
    [InlineData("What else did Putin say?")]
    [InlineData("Anything else?")]
    public async Task AnswerAsync_AskedForMore_NotTheLastAnswerAgain(string more)
    {
        var answers = await LocalTurnsAsync(Question, more);
        var (first, next) = (answers[0], answers[1]);

        Assert.False(first.Abstained);
        Assert.NotEqual(first.Text, next.Text);
        // Nothing else the Local model is sure of: it says the articles say no more, not that they never covered it.
        Assert.True(!next.Abstained || next.Text == Answer.NoMore, next.Text);
    }

    [Fact]
    public async Task AnswerAsync_AskedForMoreWithAModel_TheModelStillGetsTheQuestion()
    {
        // A real model reads the history itself; an abstention after "Tell me more" says there is no more.
        var model = new ScriptedChatService("Witkoff will travel to Moscow next week to discuss the deal [1].", "I have nothing to add.");
        await using var engine = TestEngine.WithModel(model);
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();
        await generator.AnswerAsync(Question, conversation, Token);

        var next = await generator.AnswerAsync("Tell me more about him", conversation, Token);

        Assert.True(next.Abstained);
        Assert.Equal(Answer.NoMore, next.Text);
    }

    [Fact]
    public async Task AnswerAsync_TellMeMoreAlone_TheLastTopicAgainWithoutWhatWasSaid()
    {
        var said = await LocalTurnsAsync("Tell me about the elections", "Tell me more", "Tell me more");

        Assert.All(said.Take(2), a => Assert.Contains("elections", a.Text, StringComparison.Ordinal));
        Assert.All(said.Take(2), a => Assert.NotEmpty(a.Citations));
        Assert.NotEqual(said[0].Text, said[1].Text);
        // The third says neither again: another sentence, or that there is no more.
        Assert.DoesNotContain(said[2].Text, new[] { said[0].Text, said[1].Text });
    }

    [Theory]
    [InlineData("Who wrote the article?")]
    [InlineData("What is the title of the article?")]
    public async Task AnswerAsync_TellMeMoreAfterBylineOrTitle_NotTheSameAnswerAgain(string first)
    {
        var answers = await LocalTurnsAsync(first, "Tell me more");
        var (answer, more) = (answers[0], answers[1]);

        Assert.NotEmpty(answer.Citations);
        Assert.NotEqual(answer.Text, more.Text);
        // The seed says nothing more about its writer or its title than the answer did.
        Assert.Equal(Answer.NoMore, more.Text);
    }
}
