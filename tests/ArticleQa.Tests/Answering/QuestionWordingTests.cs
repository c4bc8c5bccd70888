using ArticleQa.Answering;
using ArticleQa.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

public sealed class QuestionWordingTests
{
    [Theory]
    [InlineData("Hi, who will travel to Moscow next week?", "Who will travel to Moscow next week?")]
    [InlineData("Hello there! Where did Putin speak?", "Where did Putin speak?")]
    [InlineData("Can you tell me who will travel to Moscow?", "Who will travel to Moscow?")]
    [InlineData("could you please tell me where the talks were held", "Where the talks were held?")]
    [InlineData("Do you know when the war began?", "When the war began?")]
    [InlineData("I'd like to know how many points the draft had.", "How many points the draft had?")]
    [InlineData("I’d like to know how many points the draft had.", "How many points the draft had?")]
    [InlineData("I was wondering what Putin said", "What Putin said?")]
    [InlineData("Tell me where Putin spoke to reporters.", "Where Putin spoke to reporters?")]
    [InlineData("Tell me, what is the article about?", "What is the article about?")]
    [InlineData("Hey, please tell me who Witkoff is", "Who Witkoff is?")]
    [InlineData("Where did Putin speak, please?", "Where did Putin speak?")]
    [InlineData("Where did Putin speak? Please.", "Where did Putin speak?")]
    [InlineData("Who will travel to Moscow next week? Thanks!", "Who will travel to Moscow next week?")]
    [InlineData("where did putin speak, thank you in advance", "Where did putin speak?")]
    [InlineData("who will travel to moscow next week??", "Who will travel to moscow next week?")]
    public void Core_WrappedQuestion_TheQuestionInside(string asked, string core)
    {
        Assert.Equal(core, QuestionWording.Core(asked));
    }

    [Theory]
    [InlineData("Tell me about the plan", "What do the articles say about the plan?")]
    [InlineData("tell me more about witkoff", "What do the articles say about witkoff?")]
    [InlineData("Hi, can you tell me a bit more about the elections?", "What do the articles say about the elections?")]
    [InlineData("Could you please tell me something about Europe.", "What do the articles say about Europe?")]
    [InlineData("What do you know about NATO?", "What do the articles say about NATO?")]
    [InlineData("What does the article say about Geneva?", "What do the articles say about Geneva?")]
    [InlineData("what did the story say on sanctions", "What do the articles say about sanctions?")]
    [InlineData("What can you tell me about the 28 points?", "What do the articles say about the 28 points?")]
    [InlineData("Anything on sanctions?", "What do the articles say about sanctions?")]
    [InlineData("Is there any information about the Geneva talks?", "What do the articles say about the Geneva talks?")]
    [InlineData("Tell me about the article", "What is the article about?")]
    [InlineData("tell me about these stories please", "What are these stories about?")]
    [InlineData("Tell me about the plan, please", "What do the articles say about the plan?")]
    public void Core_RequestAboutATopic_WhatTheArticlesSayAboutIt(string asked, string core)
    {
        Assert.Equal(core, QuestionWording.Core(asked));
    }

    [Theory]
    [InlineData("Tell me more about him", true)]
    [InlineData("tell me a bit more", true)]
    [InlineData("Anything else?", true)]
    [InlineData("What else did Putin say?", true)]
    [InlineData("Who else will travel to Moscow?", true)]
    [InlineData("How many more points are there?", false)]
    [InlineData("More troops?", false)]
    [InlineData("Go on", true)]
    [InlineData("Tell me about him", false)]
    [InlineData("Who will travel to Moscow next week?", false)]
    public void AsksForMore_Question_WhetherItWantsMoreThanTheLastAnswer(string question, bool more)
    {
        Assert.Equal(more, QuestionWording.AsksForMore(question));
    }

    [Theory]
    [InlineData("Tell me more", true)]
    [InlineData("tell me a bit more about it please", true)]
    [InlineData("OK, anything else?", true)]
    [InlineData("Go on", true)]
    [InlineData("More?", true)]
    [InlineData("Tell me more about Witkoff", false)]
    [InlineData("What else did Putin say?", false)]
    [InlineData("More troops?", false)]
    public void AsksForMoreAlone_Question_WhetherItNamesNothingOfItsOwn(string question, bool alone)
    {
        Assert.Equal(alone, QuestionWording.AsksForMoreAlone(question));
        Assert.True(!alone || QuestionWording.AsksForMore(question));
    }

    [Theory]
    [InlineData("whos witkoff", "Who's witkoff?")]
    [InlineData("Whats the plan?", "What's the plan?")]
    [InlineData("wheres witkoff going", "Where's witkoff going?")]
    [InlineData("why didnt ukraine hold elections", "Why didn't ukraine hold elections?")]
    [InlineData("Which points doesnt Russia accept?", "Which points doesn't Russia accept?")]
    [InlineData("what cant Putin accept", "What can't Putin accept?")]
    [InlineData("Hi, whats in its draft?", "What's in its draft?")] // "its" is a word
    public void Core_ContractionWithoutApostrophe_TheApostropheBack(string asked, string core)
    {
        Assert.Equal(core, QuestionWording.Core(asked));
    }

    [Theory]
    [InlineData("Who will travel to Moscow next week?")]
    [InlineData("Where did Putin speak to reporters?")]
    [InlineData("Who told reporters the US was taking Russian positions into account?")]
    [InlineData("Which tell-tale signs did he mention?")]
    [InlineData("Hi")]
    [InlineData("Please!")]
    [InlineData("  What is NATO?  ")]
    [InlineData("What type of issues are members typically allowed to vote as they please?")]
    [InlineData("What is Luther's opinion of what the law covers?")]
    [InlineData("What shows the plan's points?")]
    [InlineData("What did Putin want?")]
    // Words a wrapper is made of, where they are the question.
    [InlineData("Tell me more")]
    [InlineData("What about Geneva?")]
    [InlineData("Who told me about the plan?")]
    [InlineData("Did anyone know about the attack in advance?")]
    [InlineData("Please Please Me was released when?")]
    [InlineData("Hi-tech exports fell by how much?")]
    [InlineData("Who is Ty")]
    [InlineData("What did Zelensky say in his thank you")]
    [InlineData("Who led the cheers")]
    [InlineData("What was the message of thanks")]
    [InlineData("WHO WILL TRAVEL TO MOSCOW NEXT WEEK?")]
    public void Core_NoWrapperOrNothingInside_TheQuestionAsAsked(string asked)
    {
        Assert.Equal(asked.Trim(), QuestionWording.Core(asked));
    }

    [Fact]
    public void Core_TextLongerThanAnyQuestion_TakenAsItIs()
    {
        // Past the length cap no pattern runs, so a pasted document costs nothing here.
        var text = "Hi, who will travel to Moscow next week?" + new string(' ', 600) + ", please";

        Assert.Equal(text.Trim(), QuestionWording.Core(text));
        Assert.False(OverviewRequest.Matches("Summarize the article" + new string(' ', 400) + "."));
    }

    [Fact]
    public async Task AnswerAsync_SeedQuestionsWrappedAsPeopleAskThem_TheSameAnswersAsAskedPlainly()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var questions = (await QuestionFile.ReadAsync(RepositoryPaths.Combine("tests", "eval", "seed", "questions.jsonl"), TestContext.Current.CancellationToken)).Questions;
        Func<string, string>[] wrappings =
        [
            q => "Hi, " + Uncapitalised(q),
            q => "Can you tell me " + Uncapitalised(q),
            q => "Do you know " + Uncapitalised(q),
            q => q.TrimEnd('?') + ", please.",
            q => q + " Thanks!",
            q => q.TrimEnd('?') + "??",
        ];

        Assert.True(questions.Count >= 20);
        foreach (var question in questions.Select(q => q.Question))
        {
            var plain = await generator.AnswerAsync(question, TestContext.Current.CancellationToken);
            foreach (var wrap in wrappings)
            {
                var wrapped = wrap(question);
                var answer = await generator.AnswerAsync(wrapped, TestContext.Current.CancellationToken);
                Assert.True(plain.Text == answer.Text, $"'{wrapped}' got '{answer.Text}', '{question}' got '{plain.Text}'");
            }
        }
    }

    [Theory]
    [InlineData("wheres Witkoff going next week", "Where's Witkoff going next week?")]
    [InlineData("whats the initial US plan calling for", "What's the initial US plan calling for?")]
    public async Task AnswerAsync_ContractionWithoutApostrophe_TheAnswerToItWithTheApostrophe(string typed, string written)
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();

        var answer = await generator.AnswerAsync(typed, TestContext.Current.CancellationToken);

        Assert.False(answer.Abstained);
        Assert.Equal((await generator.AnswerAsync(written, TestContext.Current.CancellationToken)).Text, answer.Text);
    }

    [Theory]
    [InlineData("Tell me about the elections", "What do the articles say about the elections?")]
    [InlineData("What do you know about Witkoff?", "What do the articles say about Witkoff?")]
    [InlineData("Anything about Europe?", "What do the articles say about Europe?")]
    [InlineData("Tell me about NATO", "What do the articles say about NATO?")]
    public async Task AnswerAsync_RequestAboutATopic_TheAnswerToWhatTheArticlesSay(string typed, string trained)
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();

        var answer = await generator.AnswerAsync(typed, TestContext.Current.CancellationToken);

        Assert.Equal((await generator.AnswerAsync(trained, TestContext.Current.CancellationToken)).Text, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_TellMeAboutTheArticle_TheOverview()
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Tell me about the article", TestContext.Current.CancellationToken);

        Assert.StartsWith("Russian President Vladimir Putin on Thursday spoke favorably", answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Citations);
    }

    [Theory]
    [InlineData("What can you do?", true)]
    [InlineData("what can I ask you", true)]
    [InlineData("How does this work?", true)]
    [InlineData("Who are you?", true)]
    [InlineData("Hi there, what are you?", true)]
    [InlineData("What’s this bot for?", true)]
    [InlineData("How do I use this?", true)]
    [InlineData("help me please", true)]
    [InlineData("ok, what do you do?", true)]
    // A question about the articles, or about someone in them, is not one about the bot.
    [InlineData("What can you tell me about Witkoff?", false)]
    [InlineData("What do you know about NATO?", false)]
    [InlineData("Who are they?", false)]
    [InlineData("How does the plan work?", false)]
    [InlineData("What can Ukraine do?", false)]
    [InlineData("How does it work?", false)] // the plan just discussed, more likely
    public void IsHelpRequest_AboutTheBotItself(string text, bool expected)
    {
        Assert.Equal(expected, QuestionWording.IsHelpRequest(text));
    }

    private static string Uncapitalised(string question) => char.ToLowerInvariant(question[0]) + question[1..];
}
