using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ArticleQa.Tests.Answering;

public sealed class OpenAiCompatibleProviderTests
{
    private static ServiceProvider EngineFor(FakeOpenAiServer server) => TestEngine.Create(new Dictionary<string, string?>
    {
        ["Llm:Provider"] = "OpenAICompatible",
        ["Llm:Endpoint"] = server.BaseUrl,
        ["Llm:Model"] = "fake-model",
        ["Llm:MaxRetries"] = "0",
    });

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
        await using var server = new FakeOpenAiServer();
        server.Enqueue(new FakeReply("Witkoff goes to Moscow [2]. Putin was in Bishkek [1]."));
        await using var engine = EngineFor(server);

        var answer = await engine.GetRequiredService<AnswerGenerator>().AnswerAsync("Witkoff Moscow Putin Bishkek reporters", TestContext.Current.CancellationToken);

        var sources = ArticleQa.Answering.SourcesBlock.Parse(server.LastUserText());
        Assert.True(sources.Count >= 2);
        Assert.Equal("Witkoff goes to Moscow [1]. Putin was in Bishkek [2].", answer.Text);
        Assert.Equal(2, answer.Citations.Count);
        Assert.Equal(Normalize(sources[1].Text), Normalize(answer.Citations[0].Passage));
        Assert.Equal(Normalize(sources[0].Text), Normalize(answer.Citations[1].Passage));
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
