using ArticleQa.Retrieval;

[assembly: AssemblyFixture(typeof(ArticleQa.Tests.Retrieval.MiniLmEmbeddingGeneratorFixture))]

namespace ArticleQa.Tests.Retrieval;

/// <summary>Real all-MiniLM-L6-v2 generators shared by the whole test run: the model takes a while to load.</summary>
public sealed class MiniLmEmbeddingGeneratorFixture : IDisposable
{
    /// <summary>The default: int8 weights, one text per run.</summary>
    public MiniLmEmbeddingGenerator Quantized { get; } = new();

    /// <summary>The original float model in small batches, so that a handful of texts already spans several.</summary>
    public MiniLmEmbeddingGenerator Original { get; } = new(new MiniLmEmbeddingOptions { Quantize = false, BatchSize = 3 });

    public MiniLmEmbeddingGenerator Get(bool quantized) => quantized ? Quantized : Original;

    public void Dispose()
    {
        Quantized.Dispose();
        Original.Dispose();
    }
}
