using ArticleBot.Tests.Fakes;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ArticleBot.Tests.Bot;

/// <summary>The welcome checks its example questions by asking them; a provider that fails then costs the examples, not the welcome.</summary>
public sealed class WelcomeProviderFailureTests
{
    [Fact]
    public async Task PostConversationUpdate_EmbeddingsFailForQuestions_WelcomeWithoutExamples()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await BotHost.StartReplacingAsync<IEmbeddingGenerator<string, Embedding<float>>>(logs, new QuestionsFail(new MiniLmEmbeddingGenerator()));

        using var response = await host.PostActivityAsync(ConversationTests.MembersAdded("conv-welcome-failing", "user-1"));

        var welcome = Assert.Single(await BotReplies.ReadAsync(response));
        var text = (string)welcome["text"]!;
        Assert.StartsWith("Hi! I answer questions about 1 article, ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Try:", text, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("example questions failed", StringComparison.Ordinal));
    }

    /// <summary>Passages embed; a question (a single text ending in "?") meets a provider that is down.</summary>
    private sealed class QuestionsFail(MiniLmEmbeddingGenerator inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            return texts is [var only] && only.TrimEnd().EndsWith('?')
                ? throw new HttpRequestException("The embedding provider is down.")
                : inner.GenerateAsync(texts, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose() => inner.Dispose();
    }
}
