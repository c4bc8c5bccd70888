using ArticleQa.Retrieval;

[assembly: AssemblyFixture(typeof(ArticleQa.Tests.Retrieval.MiniLmEmbeddingGeneratorFixture))]

namespace ArticleQa.Tests.Retrieval;

/// <summary>One real all-MiniLM-L6-v2 generator for the whole test run: the model takes a while to load.</summary>
public sealed class MiniLmEmbeddingGeneratorFixture : IDisposable
{
    /// <summary>Small batches, so that a handful of texts already spans several of them.</summary>
    public MiniLmEmbeddingGenerator Generator { get; } = new(new MiniLmEmbeddingOptions { BatchSize = 3 });

    public void Dispose() => Generator.Dispose();
}
