using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using ArticleQa.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ArticleQa.Tests.Answering;

public sealed class OpenAiCompatibleProviderTests
{
    private static ServiceProvider EngineFor(FakeOpenAiServer server, int retries = 0, int timeoutSeconds = 60, TimeProvider? time = null) => TestEngine.Create(
        new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Endpoint"] = server.BaseUrl,
            ["Llm:Model"] = "fake-model",
            ["Llm:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Llm:RetryDelayMilliseconds"] = "10",
            ["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
        services =>
        {
            if (time is not null)
            {
                services.AddSingleton(time);
            }
        });

    [Fact]
    public async Task AnswerAsync_429ThenSuccess_RetriesAndAnswers()
    {
        await using var server = new FakeOpenAiServer();
        server.Enqueue(new FakeReply("", Status: 429));
        server.Enqueue(new FakeReply("Witkoff will travel to Moscow [1]."));
        await using var engine = EngineFor(server, retries: 2);

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who will travel to Moscow next week?", TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Requests.Count);
        Assert.False(answer.Failed);
        Assert.Equal("Witkoff will travel to Moscow [1].", answer.Text);
    }

    [Fact]
    public async Task AnswerAsync_500Always_BoundedRetriesThenApology()
    {
        await using var server = new FakeOpenAiServer { DefaultReply = new FakeReply("", Status: 500) };
        await using var engine = EngineFor(server, retries: 2);

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who will travel to Moscow next week?", TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Requests.Count);
        Assert.True(answer.Failed);
        Assert.Equal(Answer.Apology, answer.Text);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AnswerAsync_ServerSlowerThanTheTimeout_Apology()
    {
        // The server holds its reply until it is disposed; the timeout runs on a fake clock the test moves.
        var time = new FakeTimeProvider();
        await using var server = new FakeOpenAiServer { DefaultReply = new FakeReply("Too late [1].", Hold: new TaskCompletionSource().Task) };
        await using var engine = EngineFor(server, retries: 0, timeoutSeconds: 30, time: time);

        var answering = engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who will travel to Moscow next week?", TestContext.Current.CancellationToken);
        await server.RequestReceivedAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(answering.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var answer = await answering;

        Assert.True(answer.Failed);
        Assert.Equal(Answer.Apology, answer.Text);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task StreamAsync_FakeServerStreams_ChunksInOrderAndFinalMapsMarkers()
    {
        await using var server = new FakeOpenAiServer();
        server.Enqueue(new FakeReply("Steve Witkoff will travel to Moscow next week [1]."));
        await using var engine = EngineFor(server);
        var updates = new List<AnswerUpdate>();

        await foreach (var update in engine.GetRequiredService<AnswerGenerator>().StreamAsync("Who will travel to Moscow next week?", new Conversation(), TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var partial = updates.Where(u => !u.IsFinal).Select(u => u.TextSoFar!).ToList();
        Assert.True(partial.Count >= 5);
        Assert.All(partial.Zip(partial.Skip(1)), pair => Assert.True(pair.Second.Length >= pair.First.Length));
        Assert.Equal("Steve Witkoff will travel to Moscow next week [1].", updates[^1].Final!.Text);
        Assert.True((bool?)server.Requests.Single()["stream"]);
    }

    [Fact]
    public async Task AnswerAsync_FakeServer_RequestCarriesNumberedPassagesAndQuestion()
    {
        await using var server = new FakeOpenAiServer();
        server.Enqueue(new FakeReply("Steve Witkoff will travel to Moscow [1]."));
        await using var engine = EngineFor(server);

        await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who will travel to Moscow next week?", TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("fake-model", (string?)request["model"]);
        var user = server.LastUserText();
        Assert.Contains("Question: Who will travel to Moscow next week?", user, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\[1\] Putin Says US Plan", user);
        Assert.Contains("Witkoff will travel to Moscow next week", user, StringComparison.Ordinal);
        Assert.Contains(request["messages"]!.AsArray(), m => (string?)m!["role"] == "system");
    }

    [Fact]
    public async Task AnswerAsync_MarkersInReply_MapToTheRightPassages()
    {
        const string question = "Witkoff Moscow Putin Bishkek reporters";
        await using var server = new FakeOpenAiServer();
        await using var engine = EngineFor(server);
        var generator = engine.GetRequiredService<AnswerGenerator>();
        await generator.AnswerAsync(question, TestContext.Current.CancellationToken);
        var sources = ArticleQa.Answering.SourcesBlock.Parse(server.LastUserText());
        Assert.True(sources.Count >= 2);
        string FirstSentence(int i) => CitationParser.WithoutMarkers(SentenceSplitter.Split(sources[i].Text).Select(s => s.Of(sources[i].Text)).First(s => s.Split(' ').Length > 4));
        server.Enqueue(new FakeReply($"{CitationParser.WithMarkers(FirstSentence(1), [2])} {CitationParser.WithMarkers(FirstSentence(0), [1])}"));

        var answer = await generator.AnswerAsync(question, TestContext.Current.CancellationToken);

        Assert.Equal(2, answer.Citations.Count);
        Assert.Equal(Normalize(sources[1].Text), Normalize(answer.Citations[0].Passage));
        Assert.Equal(Normalize(sources[0].Text), Normalize(answer.Citations[1].Passage));
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Text.IndexOf("[1]", StringComparison.Ordinal) < answer.Text.IndexOf("[2]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnswerAsync_FollowUpWithRealModel_CondensePromptMakesTheQuery()
    {
        await using var server = new FakeOpenAiServer();
        server.Enqueue(new FakeReply("What will Steve Witkoff discuss in Moscow next week"));
        server.Enqueue(new FakeReply("He will discuss the deal [1]."));
        await using var engine = EngineFor(server);
        var conversation = new Conversation { Turns = [new("Who will travel to Moscow next week?", "Steve Witkoff [1].", [])] };

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("What will he discuss there?", conversation, TestContext.Current.CancellationToken);

        Assert.Equal("What will Steve Witkoff discuss in Moscow next week", answer.CondensedQuery);
        var condense = server.Requests.First();
        var condenseUser = string.Join("\n", condense["messages"]!.AsArray().Where(m => (string?)m!["role"] == "user").Select(m => (string?)m!["content"]));
        Assert.Contains("Follow-up: What will he discuss there?", condenseUser, StringComparison.Ordinal);
        Assert.Contains("User: Who will travel to Moscow next week?", condenseUser, StringComparison.Ordinal);
        Assert.Contains("Search query: What will Steve Witkoff discuss in Moscow next week", server.LastUserText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerAsync_OutOfRangeMarker_IsDropped()
    {
        await using var server = new FakeOpenAiServer();
        server.Enqueue(new FakeReply("Witkoff will travel to Moscow [1][9]."));
        await using var engine = EngineFor(server);

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Who will travel to Moscow next week?", TestContext.Current.CancellationToken);

        Assert.Equal("Witkoff will travel to Moscow [1].", answer.Text);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public void Options_CompatibleWithoutEndpoint_FailNamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => TestEngine.Create(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAICompatible",
            ["Llm:Model"] = "m",
        }));

        Assert.Contains("Llm:Endpoint is required when Llm:Provider is OpenAICompatible", error.Message, StringComparison.Ordinal);
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
