using ArticleQa.Retrieval;
using ArticleQa.Text;
using Microsoft.Extensions.AI;

namespace ArticleQa.Tests.Fakes;

/// <summary>
/// A deterministic embedding generator for tests: hashes each analysed term into one of 64 dimensions and normalises,
/// so texts sharing words are similar. Counts the texts it embedded.
/// </summary>
internal sealed class FakeEmbeddingGenerator(string modelId = "fake-hash-64") : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int Dimensions = 64;

    private int _embedded;

    public int Embedded => _embedded;

    public List<string> Texts { get; } = [];

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        Interlocked.Add(ref _embedded, texts.Count);
        lock (Texts)
        {
            Texts.AddRange(texts);
        }

        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Vector(t)))));
    }

    public static float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var term in TermAnalyzer.Analyze(text))
        {
            vector[StableHash(term) % Dimensions] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : vector.Select(v => v / norm).ToArray();
    }

    private static int StableHash(string term)
    {
        var hash = 2166136261u;
        foreach (var c in term)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("fake", null, modelId, Dimensions) : null;

    public void Dispose()
    {
    }
}
