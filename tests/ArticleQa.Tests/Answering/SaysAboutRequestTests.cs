using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

public sealed class SaysAboutRequestTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("What did Putin say about elections?", "Putin", "elect")]
    [InlineData("what does Putin think of the plan", "Putin", "plan")]
    [InlineData("What has Vladimir Putin said about the Ukrainian government?", "Vladimir Putin", "ukrainian govern")]
    [InlineData("How did Putin feel about Europe?", "Putin", "europ")]
    [InlineData("How did Putin describe the US draft?", "Putin", "draft")]
    [InlineData("How does Vladimir Putin see the elections", "Vladimir Putin", "elect")]
    [InlineData("How has Putin characterized the Ukrainian government?", "Putin", "ukrainian govern")]
    [InlineData("What did Putin say?", "Putin", "")]
    [InlineData("what else did Putin say", "Putin", "")]
    [InlineData("What did Marco Rubio tell reporters?", "Marco Rubio", "")]
    public void Of_SpeakerAndTopic(string question, string speaker, string terms)
    {
        var asked = SaysAboutRequest.Of(question);

        Assert.NotNull(asked);
        Assert.Equal(speaker, asked.Value.Speaker);
        Assert.Equal(terms, string.Join(" ", asked.Value.TopicTerms));
    }

    [Theory]
    [InlineData("What did he say about elections?")]
    [InlineData("What did the president say about elections?")]
    [InlineData("What did Putin say about it?")]
    [InlineData("Where did Putin say it?")]
    [InlineData("What did I say about Europe?")]
    [InlineData("How do you see the plan?")]
    [InlineData("How did They describe the war?")]
    [InlineData("HOW DID YOU SEE THE PLAN?")]
    [InlineData("What did Everyone say about the plan?")]
    [InlineData("How did Putin travel to Bishkek?")]
    public void Of_NoNamedSpeakerOrNoTopic_Null(string question)
    {
        Assert.Null(SaysAboutRequest.Of(question));
    }

    [Theory]
    [InlineData("He said Putin had no intention of holding elections.")]
    [InlineData("But Zelensky said Putin had no plan for elections.")]
    [InlineData("“Putin wants no elections,” Zelensky said.")]
    public void Answers_SpeechGivenToSomeoneElse_False(string sentence)
    {
        var candidate = new ArticleQa.Answering.Learning.CandidateSentence(1, 0, 0, sentence, "Title", sentence, [], 0, null!);

        Assert.False(SaysAboutRequest.Answers(candidate, "Putin", ["elect"]));
    }

    [Theory]
    [InlineData("Putin said elections were pointless.")]
    [InlineData("“Elections are pointless,” Putin said.")]
    [InlineData("Russian President Vladimir Putin on Thursday spoke about elections.")]
    public void Answers_SpeechGivenToTheSpeaker_True(string sentence)
    {
        var candidate = new ArticleQa.Answering.Learning.CandidateSentence(1, 0, 0, sentence, "Title", sentence, [], 0, null!);

        Assert.True(SaysAboutRequest.Answers(candidate, "Putin", ["elect"]));
    }

    [Theory]
    [InlineData("Tesla considered Edison a talented inventor but a poor scientist.", "Tesla", false, "edison", false)]
    [InlineData("Tesla was fond of Edison's early work.", "Tesla", false, "edison", false)]
    [InlineData("Dave DeCamp is the news editor of Antiwar.com.", "Dave DeCamp", false, "peac deal", true)]
    [InlineData("Witkoff will travel to Moscow next week.", "Witkoff", true, "moscow", true)]
    [InlineData("Tesla wrote that Edison had no hobby.", "Tesla", true, "edison", false)]
    [InlineData("According to Biraben, the plague was present somewhere in Europe.", "Biraben", true, "plagu", false)]
    [InlineData("According to Biraben, the plague was present somewhere in Europe.", "Gottfried", false, "plagu", true)]
    [InlineData("Zelensky said the plan was a basis.", "Putin", false, "plan", true)]
    [InlineData("Rubio told reporters that progress had been made.", "Marco Rubio", true, "", false)]
    [InlineData("Title", "Putin", false, "", true)] // the article's title line is nobody's words
    public void NotSaidBy_SurelyNotTheSpeakersWords(string sentence, string speaker, bool speechAsked, string topic, bool expected)
    {
        var candidate = new ArticleQa.Answering.Learning.CandidateSentence(1, 0, 0, sentence, "Title", sentence, [], 0, null!);

        Assert.Equal(expected, SaysAboutRequest.NotSaidBy(candidate, speaker, speechAsked, topic.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("What did Witkoff say about Moscow?", true)]
    [InlineData("What did Marco Rubio tell reporters?", true)]
    [InlineData("What else has Putin said?", true)]
    [InlineData("What did Tesla think of Edison?", false)]
    [InlineData("How did Putin describe the draft?", false)]
    public void AsksForSpeech_SayOrTellOnly(string question, bool expected)
    {
        Assert.Equal(expected, SaysAboutRequest.AsksForSpeech(question));
    }

    [Theory]
    [InlineData("What did Putin say about elections?", "it was pointless to sign agreements with the Ukrainian government")]
    [InlineData("What did Putin say about Europe?", "The Russian leader also said it was “ridiculous”")]
    [InlineData("What did Putin say about Witkoff?", "Putin also confirmed that President Trump’s special envoy, Steve Witkoff")]
    [InlineData("What did Putin say about the war?", "he was content with continuing the war")]
    [InlineData("What has Putin said about final versions?", "these do not exist")]
    [InlineData("What did Putin say about the Ukrainian leadership?", "“Signing documents with the Ukrainian leadership is pointless")]
    [InlineData("How did Putin describe the US draft?", "spoke favorably about the US’s initial 28-point draft")]
    [InlineData("How does Putin see the Ukrainian leadership?", "“Signing documents with the Ukrainian leadership is pointless")]
    public async Task AnswerAsync_WhatTheSpeakerSaidAboutATopicTheSeedHas_TheirSentenceCited(string question, string expected)
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, Token);

        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Single(answer.Citations);
    }

    [Theory]
    [InlineData("What did Putin say about sanctions?")]
    [InlineData("What did Putin say about China?")]
    [InlineData("What does Putin think about NATO?")]
    [InlineData("What did Trump say about the elections?")]
    [InlineData("What did Witkoff say about the deal?")]
    [InlineData("What did Zelensky say about the plan?")]
    [InlineData("How does Putin see NATO?")]
    [InlineData("How did Zelensky describe the draft?")]
    [InlineData("What did Ukraine say about the plan?")] // before: the headline, "Putin Says US Plan ..."
    [InlineData("What did Witkoff say about Moscow?")] // before: "Witkoff will travel to Moscow ...", no speech of his
    public async Task AnswerAsync_TopicTheSeedLacksOrSpeakerItDoesNotQuoteOnIt_NotCovered(string question)
    {
        await using var engine = TestEngine.Create();

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync(question, Token);

        // "Witkoff will travel to Moscow ... to discuss the potential deal" is about him, not what he said.
        Assert.Equal(Answer.NotCovered, answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_WhatTheSpeakerSaid_TheirWordsNotTheHeadlineThenMoreOfThem()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        var said = await generator.AnswerAsync("What did Putin say?", conversation, Token);
        var more = await generator.AnswerAsync("Tell me more", conversation, Token);
        var none = await generator.AnswerAsync("What did Witkoff say?", new Conversation(), Token);

        // Before, "What did Putin say?" got the headline, "Putin Says US Plan Could Be ‘Basis’ for Ukraine Deal": the
        // publication's words, not his. "Tell me more" then gives another sentence of his.
        Assert.Contains("spoke favorably about the US’s initial 28-point draft", said.Text, StringComparison.Ordinal);
        Assert.Contains("Putin said", more.Text, StringComparison.Ordinal);
        Assert.NotEqual(said.Text, more.Text);
        Assert.Single(more.Citations);
        // Witkoff is quoted nowhere: "Witkoff will travel to Moscow ..." is not what he said.
        Assert.Equal(Answer.NotCovered, none.Text);
    }

    [Fact]
    public async Task AnswerAsync_TellMeMoreAfterWhatTheSpeakerSaid_WhatElseTheySaidOnItThenNoMore()
    {
        await using var engine = TestEngine.Create();
        var generator = engine.GetRequiredService<AnswerGenerator>();
        var conversation = new Conversation();

        var europe = await generator.AnswerAsync("What did Putin say about Europe?", conversation, Token);
        var goesOn = await generator.AnswerAsync("Tell me more", conversation, Token);
        var end = await generator.AnswerAsync("Tell me more", conversation, Token);
        conversation.Clear();
        await generator.AnswerAsync("What did Putin say about elections?", conversation, Token);
        var elections = await generator.AnswerAsync("Tell me more", conversation, Token);

        Assert.Contains("“ridiculous”", europe.Text, StringComparison.Ordinal);
        // The quotation after it, which does not say "Europe" again, then no sentence on other words (the lead).
        Assert.StartsWith("“We never had any such intentions", goesOn.Text, StringComparison.Ordinal);
        Assert.Equal(Answer.NoMore, end.Text);
        // A quotation whose speaker is named after its end: "..., ” Putin said."
        Assert.StartsWith("“I believe that the Ukrainian authorities made a fundamental and strategic mistake", elections.Text, StringComparison.Ordinal);
    }
}
