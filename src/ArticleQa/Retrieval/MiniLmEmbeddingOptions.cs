using System.ComponentModel.DataAnnotations;

namespace ArticleQa.Retrieval;

/// <summary>
/// How the local all-MiniLM-L6-v2 embedding generator uses the CPU. The defaults are the fastest measured on a
/// 2-core AVX2 machine: int8 weights, and one single-threaded run per core with one passage each, which keeps a run's
/// activations in the core's cache and never pads (so the quantized model skips the attention mask).
/// </summary>
public sealed class MiniLmEmbeddingOptions
{
    public const string SectionName = "Embedding";

    /// <summary>
    /// Whether to run an int8-quantized copy of the model (made on first use): about 1.5 times as fast and smaller,
    /// with vectors at cosine 0.99 to the original model's. With quantization a text's vector depends slightly on the
    /// other texts of its batch, so keep <see cref="BatchSize"/> at 1 for reproducible vectors.
    /// </summary>
    public bool Quantize { get; set; } = true;

    /// <summary>
    /// Passages per model run. Inputs are sorted by length first, so a batch pads little; activations take about
    /// 15 MB per passage of 256 word-pieces.
    /// </summary>
    [Range(1, 64)]
    public int BatchSize { get; set; } = 1;

    /// <summary>Model runs at the same time, over all callers; 0 means one per processor.</summary>
    [Range(0, 64)]
    public int ConcurrentBatches { get; set; }

    /// <summary>Threads one model run may use; 0 means one per processor.</summary>
    [Range(0, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>
    /// Whether idle ONNX Runtime worker threads spin before sleeping, when <see cref="IntraOpThreads"/> is above 1:
    /// faster back-to-back runs, but CPU taken from other work on a small machine.
    /// </summary>
    public bool AllowSpinning { get; set; } = true;

    /// <summary>
    /// Where the model is written as a file on first use (ONNX Runtime loads a file with far less memory than a byte
    /// array); empty means ArticleQa/models in the temporary directory.
    /// </summary>
    public string? ModelDirectory { get; set; }
}
