namespace ArticleQa.Retrieval;

/// <summary>What <see cref="EmbeddingBenchmark"/> measured.</summary>
/// <param name="Passages">Passages embedded in the timed run.</param>
/// <param name="PassagesPerSecond">Passages over the timed run's wall-clock time.</param>
/// <param name="MeanWordPieces">Mean all-MiniLM-L6-v2 word-pieces per passage, [CLS] and [SEP] included, cut at 256.</param>
/// <param name="PeakWorkingSetMb">The process's peak working set so far, in MB (10^6 bytes), model load included.</param>
/// <param name="ElapsedMs">Wall-clock time of the timed run.</param>
/// <param name="QueryP50Ms">Median latency of embedding one short question.</param>
/// <param name="QueryP95Ms">95th-percentile latency of embedding one short question.</param>
public sealed record EmbeddingBenchmarkResult(
    int Passages,
    double PassagesPerSecond,
    double MeanWordPieces,
    double PeakWorkingSetMb,
    double ElapsedMs,
    double QueryP50Ms,
    double QueryP95Ms);
