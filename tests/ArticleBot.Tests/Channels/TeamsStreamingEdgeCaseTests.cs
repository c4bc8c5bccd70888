using System.Net;
using System.Text.Json.Nodes;
using ArticleBot.Channels;
using ArticleBot.Tests.Fakes;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArticleBot.Tests.Channels;

/// <summary>
/// Teams streaming where it goes wrong, against the loopback connector playing Teams (channels.md §3.1, the Agents
/// SDK's StreamingResponse): Stop, the 2-minute limit (on a fake clock, no waiting), a refused final, a model whose
/// text the verifier changes, and the AI label on abstentions and apologies.
/// </summary>
public sealed class TeamsStreamingEdgeCaseTests
{
    private const string Question = "Who will travel to Moscow next week?";

    /// <summary>Three sentences, the middle one not supported by any passage (the verifier drops it), cited as [2].</summary>
    private const string ModelAnswer =
        "Steve Witkoff will travel to Moscow next week to discuss the deal with Putin [1]. "
        + "The envoy will also bring a brass band, fireworks and seventeen elephants [1]. "
        + "Putin said the US draft could be the basis for future agreements [1].";

    private static readonly JsonObject Cancelled = TeamsConnector.Error("ContentStreamNotAllowed", "Content stream was cancelled by user.");
    private static readonly JsonObject TooLong = TeamsConnector.Error("ContentStreamNotAllowed", "Content stream finished due to exceeded streaming time.");

    [Fact]
    public async Task Post_UserPressesStop_EndsTurnWithNothingMoreSent()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync();
        connector.Refuse = (method, activity) => IsChunk(activity) ? (HttpStatusCode.Forbidden, Cancelled) : null;
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());

        using var response = await host.PostActivityAsync(connector.Message(Question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = connector.Calls;
        Assert.Equal(2, calls.Count);
        Assert.Equal("informative", (string?)calls[0].StreamInfo!["streamType"]);
        Assert.Equal((int)HttpStatusCode.Forbidden, calls[1].Status);
        Assert.True(IsChunk(calls[1].Activity));
    }

    [Fact]
    public async Task Post_ModelSlowerThanTeamsLimit_ClosesStreamInTimeThenUpdatesItWithTheAnswer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        model.DefaultReply = model.DefaultReply with { Hold = release.Task };
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync(model.BotSettings(), services => services.AddSingleton<TimeProvider>(clock));

        var posting = host.PostActivityAsync(connector.Message(Question));
        await connector.WaitForAsync(c => (string?)c.StreamInfo?["streamType"] == "informative");

        // The model is called after the stream has started (and its limit timer with it).
        await model.RequestReceivedAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromSeconds(1));
        var closing = await connector.WaitForAsync(c => c.Type == "message");
        release.SetResult();
        using var response = await posting;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("final", (string?)closing.StreamInfo!["streamType"]);
        Assert.Equal(StreamingReply.StillWorking, closing.Text);
        var update = Assert.Single(connector.Calls, c => c.Method == "PUT");
        Assert.Equal($"/v3/conversations/a:personal-chat-1/activities/{TeamsConnector.StreamId}", Uri.UnescapeDataString(update.Path));
        AssertAnswer(update.Activity);
        Assert.Null(update.StreamInfo);
        Assert.Equal(3, connector.Calls.Count);
    }

    [Fact]
    public async Task Post_FinalRefused_UpdatesStreamedMessageOnce()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync();
        connector.Refuse = (method, activity) => method == "POST" && IsFinal(activity) ? (HttpStatusCode.Forbidden, TooLong) : null;
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());
        var message = connector.Message(Question);

        using var response = await host.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = connector.Calls;
        Assert.All(calls, c => Assert.Equal((string?)message["id"], (string?)c.Activity["replyToId"]));
        Assert.Equal((int)HttpStatusCode.Forbidden, Assert.Single(calls, c => IsFinal(c.Activity)).Status);
        AssertAnswer(Assert.Single(calls, c => c.Method == "PUT").Activity);
        Assert.DoesNotContain(calls, c => c.Method == "POST" && c.Type == "message" && c.StreamInfo is null);
    }

    [Fact]
    public async Task Post_FinalAndUpdateRefused_SendsAnswerOnceAsNewMessage()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync();
        connector.Refuse = (method, activity) => method == "PUT" || IsFinal(activity) ? (HttpStatusCode.Forbidden, TooLong) : null;
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());

        using var response = await host.PostActivityAsync(connector.Message(Question));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = connector.Calls;
        Assert.Single(calls, c => c.Method == "PUT");
        var sent = Assert.Single(calls, c => c.Method == "POST" && c.Type == "message" && c.StreamInfo is null);
        Assert.Equal((int)HttpStatusCode.Created, sent.Status);
        AssertAnswer(sent.Activity);
    }

    [Fact]
    public async Task Post_VerifierDropsSentence_EveryChunkExtendsTheLastAndCarriesItsCitations()
    {
        await using var model = FakeOpenAiServer.WordByWord(ModelAnswer);
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());

        using var response = await host.PostActivityAsync(connector.Message(Question));

        var calls = connector.Calls;
        var chunks = calls.Where(c => IsChunk(c.Activity)).ToList();
        var final = Assert.Single(calls, c => IsFinal(c.Activity));
        Assert.NotEmpty(chunks);
        var texts = chunks.Select(c => c.Text!).Append(final.Text!).ToList();
        Assert.All(texts.Zip(texts.Skip(1)), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
        Assert.DoesNotContain("elephants", final.Text, StringComparison.Ordinal);
        Assert.All(chunks, chunk =>
        {
            var entity = BotReplies.CitationEntity(chunk.Activity);
            var positions = entity["citation"]!.AsArray().Select(c => (int)c!["position"]!).ToList();
            Assert.Contains(1, positions);
            Assert.All(System.Text.RegularExpressions.Regex.Matches(chunk.Text!, @"\[(\d+)\]"), m => Assert.Contains(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), positions));
            Assert.Null(entity["additionalType"]);
        });
        Assert.Equal(["AIGeneratedContent"], BotReplies.CitationEntity(final.Activity)["additionalType"]!.AsArray().Select(t => (string?)t));
    }

    [Theory]
    [InlineData(200, "What is the weather like on Mars today?")]
    [InlineData(200, Question)]
    [InlineData(500, Question)]
    public async Task Post_AbstentionAnswerOrApology_CarriesAiLabel(int modelStatus, string question)
    {
        await using var model = new FakeOpenAiServer { DefaultReply = new FakeReply(ModelAnswer, Status: modelStatus) };
        await using var connector = await TeamsConnector.StartAsync();
        await using var host = await BotHost.StartAsync(model.BotSettings(), StreamingClock.Register());

        using var response = await host.PostActivityAsync(connector.Message($"<at>{TeamsConnector.BotName}</at> {question}", "groupChat", "19:group@thread.v2", mentionBot: true));

        var reply = Assert.Single(connector.Calls, c => c.Type == "message");
        var entity = BotReplies.CitationEntity(reply.Activity);
        Assert.Equal(["AIGeneratedContent"], entity["additionalType"]!.AsArray().Select(t => (string?)t));
        BotReplies.AssertValid(reply.Activity, "msteams");
    }

    [Fact]
    public void Keywords_SeedPassageFullOfSaidAndAlso_AreContentWordsOfThePassage()
    {
        const string passage = "Putin said that it was clear the US was taking some Russian positions “into account” but that more discussions were needed. "
            + "“There are, unquestionably, areas where we need to sit down and engage in serious discussions on specific points,” he said.\n\n"
            + "Putin also confirmed that President Trump’s special envoy, Steve Witkoff, will be traveling to Moscow next week to discuss the deal.\n\n"
            + "The Russian leader also said it was “ridiculous” that Russia was being asked to commit to not attacking Europe.";

        var keywords = Keywords.Of(passage, 3, 28);

        Assert.Equal(["discussions", "Putin", "Russian"], keywords);
    }

    private static bool IsChunk(JsonObject activity) => (string?)ConnectorCall.StreamInfoOf(activity)?["streamType"] == "streaming";

    private static bool IsFinal(JsonObject activity) => (string?)ConnectorCall.StreamInfoOf(activity)?["streamType"] == "final";

    /// <summary>The verified answer with its citation, AI label and feedback loop.</summary>
    private static void AssertAnswer(JsonObject activity)
    {
        Assert.Equal("message", (string?)activity["type"]);
        Assert.Contains("Witkoff", (string?)activity["text"], StringComparison.Ordinal);
        Assert.DoesNotContain("elephants", (string?)activity["text"], StringComparison.Ordinal);
        Assert.Equal(1, (int?)BotReplies.CitationEntity(activity)["citation"]![0]!["position"]);
        Assert.Equal("default", (string?)activity["channelData"]!["feedbackLoop"]!["type"]);
        BotReplies.AssertValid(activity, "msteams");
    }
}
