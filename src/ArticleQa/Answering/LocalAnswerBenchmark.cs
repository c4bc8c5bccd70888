using System.Diagnostics;
using ArticleQa.Answering.Learning;
using ArticleQa.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ArticleQa.Answering;

/// <summary>
/// Local answer latency, question to answer, over an index file (e.g. the synthetic one of <see cref="RetrievalBenchmark"/>):
/// embed the question once, search, format the numbered sources, and run the Local model on them with the turn's
/// <see cref="LocalTurn"/> as the engine does. Every question starts with nothing kept from the questions before (a
/// new Local model, and the encoder's kept sentences forgotten), so the figures are those of a question whose sources
/// were never seen. With a reranker, the search reranks the fused candidates as the retriever does. Prints nothing.
/// </summary>
public static class LocalAnswerBenchmark
{
    /// <summary>Question-to-answer p50 and p95; <paramref name="forgetSeenSentences"/> runs before each question.</summary>
    public static async Task<(double P50Ms, double P95Ms)> MeasureAsync(
        IEmbeddingGenerator<string, Embedding<float>> embeddings,
        AnsweringOptions options,
        string indexPath,
        IReadOnlyList<string> questions,
        RetrievalOptions retrieval,
        IPassageReranker? reranker,
        Action? forgetSeenSentences,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(retrieval);
        var models = new LocalModelStore().Get(options);
        using var index = IndexFile.Read(indexPath);
        var request = new SearchRequest(retrieval.TopK, retrieval.DenseWeight, retrieval.LexicalWeight);
        var latencies = new List<double>();
        foreach (var (question, i) in questions.Select((q, i) => (q, i)))
        {
            var model = new LocalChatCompletionService(new ExtractiveAnswerer(embeddings, models));
            forgetSeenSentences?.Invoke();
            var watch = Stopwatch.StartNew();
            var vector = (await embeddings.GenerateAsync([question], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector;
            var sources = await PassageRetriever.SearchAsync(index, question, vector, request, retrieval.Rerank ? reranker : null, cancellationToken).ConfigureAwait(false);
            var kernel = new Kernel();
            kernel.Data[LocalTurn.DataKey] = new LocalTurn(vector, sources.Select(s => s.Score).ToList());
            var history = new ChatHistory();
            history.AddUserMessage($"Sources:\n{SourcesBlock.Format(sources)}\n\nSearch query: {question}\nQuestion: {question}");
            await model.GetChatMessageContentsAsync(history, kernel: kernel, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (i >= 5)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        latencies.Sort();
        return (RetrievalBenchmark.Percentile(latencies, 0.50), RetrievalBenchmark.Percentile(latencies, 0.95));
    }
}
