using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Retrieval;

/// <summary>How the local all-MiniLM-L6-v2 embedding generator uses the CPU.</summary>
public sealed class MiniLmEmbeddingOptions
{
    public const string SectionName = "Embedding";

    /// <summary>
    /// Passages per model run. Inputs are sorted by length first, so a batch pads little; larger batches use the
    /// matrix kernels better but need more activation memory (about 15 MB per passage at 256 word-pieces).
    /// </summary>
    [Range(1, 64)]
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// Where the model is written as a file on first use (ONNX Runtime loads a file with far less memory than a byte
    /// array); empty means ArticleQa/models in the temporary directory.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Batches run at the same time, over all callers.</summary>
    [Range(1, 64)]
    public int ConcurrentBatches { get; set; } = 1;

    /// <summary>Threads one model run may use; 0 means one per processor.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Whether idle ONNX Runtime worker threads spin before sleeping: faster back-to-back runs, but burns CPU that
    /// other work on a small machine may need.
    /// </summary>
    public bool AllowSpinning { get; set; } = true;
}
