namespace ArticleQa.Retrieval;

/// <summary>What <see cref="RetrievalBenchmark"/> measured at one index size.</summary>
public sealed record RetrievalLatency(int Passages, double BuildMs, double FileMb, double IndexResidentMb, double ProcessResidentMb, double P50Ms, double P95Ms);
