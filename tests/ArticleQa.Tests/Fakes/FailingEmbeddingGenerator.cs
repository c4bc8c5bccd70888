using Microsoft.Extensions.AI;

namespace ArticleQa.Tests.Fakes;

/// <summary>An embedding generator with a bug: every call throws <see cref="InvalidOperationException"/>.</summary>
internal sealed class FailingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string Message = "Bug in the embedding code";

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default) => throw new InvalidOperationException(Message);

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
