using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace ArticleQa.Tests.Fakes;

/// <summary>
/// An embedding generator that takes a known time on a fake clock: call n moves the clock by <c>cost(n, texts)</c>.
/// Records every call's texts.
/// </summary>
internal sealed class ClockedEmbeddingGenerator(FakeTimeProvider time, Func<int, int, TimeSpan> cost) : IEmbeddingGenerator<string, Embedding<float>>
{
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Calls.Add(texts);
        time.Advance(cost(Calls.Count - 1, texts.Count));
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(_ => new Embedding<float>(new float[] { 1, 0 }))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
