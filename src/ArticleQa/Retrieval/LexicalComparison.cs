using ArticleQa.Evaluation;

namespace ArticleQa.Retrieval;

/// <summary>
/// Our BM25 (lexical-only search of the index) against Lucene.Net's BM25 on the same passages and questions.
/// Query times cover analysing the question, scoring, taking the top 10 and reading their texts, on each side.
/// </summary>
public sealed record LexicalComparison(
    int Passages,
    RetrievalEvaluation Ours,
    RetrievalEvaluation Lucene,
    double OursP50Ms,
    double OursP95Ms,
    double LuceneP50Ms,
    double LuceneP95Ms);
