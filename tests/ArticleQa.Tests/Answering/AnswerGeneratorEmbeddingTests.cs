using ArticleQa.Answering;
using ArticleQa.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ArticleQa.Tests.Answering;

public sealed class AnswerGeneratorEmbeddingTests
{
    [Fact]
    public async Task AnswerAsync_LocalModel_EmbedsTheQuestionOncePerTurn()
    {
        var embeddings = new FakeEmbeddingGenerator();
        await using var engine = TestEngine.Create(configure: s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings));
        var generator = engine.GetRequiredService<AnswerGenerator>();
        const string question = "Who will travel to Moscow next week?";

        var answer = await generator.AnswerAsync(question, TestContext.Current.CancellationToken);

        Assert.True(answer.ModelCalled);
        Assert.NotNull(answer.Confidence);
        Assert.Single(embeddings.Texts, t => t == question);
    }
}
