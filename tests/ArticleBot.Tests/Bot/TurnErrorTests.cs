using ArticleBot.Bot;
using ArticleBot.Tests.Fakes;
using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleBot.Tests.Bot;

/// <summary>A bug inside the Local model is the turn's error, logged by the adapter's one error handler as what it is.</summary>
public sealed class TurnErrorTests
{
    [Fact]
    public async Task PostMessage_ExceptionInsideTheLocalModel_ReachesTheTurnErrorHandlerAndItsLog()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await BotHost.StartReplacingAsync<IChatCompletionService>(logs, LocalChatCompletionService.Create(new FailingEmbeddingGenerator()));

        using var response = await host.PostActivityAsync(BotHost.Message("Who will travel to Moscow next week?"));

        var reply = Assert.Single((await BotReplies.ReadAsync(response)).WithType("message"));
        Assert.Equal(BotAdapter.Apology, (string?)reply["text"]);
        var error = Assert.Single(logs.Entries, e => e.Category == typeof(BotAdapter).FullName && e.Level == LogLevel.Error);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("failed after retries", StringComparison.Ordinal));
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Equal(FailingEmbeddingGenerator.Message, error.Exception.Message);
    }
}
