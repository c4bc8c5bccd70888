using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ArticleQa.Tests.Retrieval;

/// <summary>The remote embedding clients get the chat connectors' retry and timeout pipeline, tried on the fake server.</summary>
public sealed class EmbeddingGeneratorFactoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ServiceProvider EngineFor(FakeOpenAiServer server, int retries, int timeoutSeconds = 60, TimeProvider? time = null) => TestEngine.Create(
        new Dictionary<string, string?>
        {
            ["Embedding:Provider"] = "OpenAICompatible",
            ["Embedding:Endpoint"] = server.BaseUrl,
            ["Embedding:Model"] = "fake-embed",
            ["Llm:MaxRetries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Llm:RetryDelayMilliseconds"] = "0",
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
    public async Task GenerateAsync_CompatibleServer_OneVectorPerText()
    {
        await using var server = new FakeOpenAiServer();
        await using var engine = EngineFor(server, retries: 0);

        var embeddings = await engine.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["Witkoff", "Moscow"], cancellationToken: Token);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(FakeOpenAiServer.EmbeddingDimensions, e.Vector.Length));
        Assert.Equal("fake-embed", (string?)Assert.Single(server.Requests)["model"]);
    }

    [Fact]
    public async Task GenerateAsync_503ThenSuccess_RetriedByThePipeline()
    {
        await using var server = new FakeOpenAiServer();
        server.Enqueue(new FakeReply("", Status: 503));
        server.Enqueue(new FakeReply("", Status: 429));
        await using var engine = EngineFor(server, retries: 2);

        var embeddings = await engine.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["Witkoff"], cancellationToken: Token);

        Assert.Single(embeddings);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_500Always_BoundedRetriesThenThrows()
    {
        await using var server = new FakeOpenAiServer { DefaultReply = new FakeReply("", Status: 500) };
        await using var engine = EngineFor(server, retries: 2);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            engine.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["Witkoff"], cancellationToken: Token));

        // The pipeline's 2 retries, not the SDK's own retries on top of them.
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GenerateAsync_ServerNeverAnswers_TimesOutOnTheClock()
    {
        var time = new FakeTimeProvider();
        await using var server = new FakeOpenAiServer { DefaultReply = new FakeReply("", Hold: new TaskCompletionSource().Task) };
        await using var engine = EngineFor(server, retries: 0, timeoutSeconds: 30, time: time);

        var embedding = engine.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["Witkoff"], cancellationToken: Token);
        await server.RequestReceivedAsync(Token);
        time.Advance(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => embedding);
        Assert.Single(server.Requests);
    }
}
