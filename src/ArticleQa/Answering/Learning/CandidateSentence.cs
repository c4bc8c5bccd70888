using ArticleQa.Retrieval;

namespace ArticleQa.Answering.Learning;

/// <summary>
/// One sentence of one numbered source, as the Local model sees it, with its unit-length MiniLM vector.
/// <paramref name="Rank"/> is the source's 0-based place in retrieval order; <paramref name="Order"/> the sentence's
/// 0-based place in its passage; <paramref name="RetrievalScore"/> the fused retrieval score (NaN when unknown);
/// <paramref name="Tokens"/> its MiniLM word-piece vectors (null when the embeddings are not the local MiniLM).
/// </summary>
internal sealed record CandidateSentence(
    int SourceNumber,
    int Rank,
    int Order,
    string Sentence,
    string Title,
    string Passage,
    float[] Vector,
    double RetrievalScore,
    TokenVectors Tokens);
