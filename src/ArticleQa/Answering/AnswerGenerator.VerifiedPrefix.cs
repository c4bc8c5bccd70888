using ArticleQa.Text;
using ArticleQa.Retrieval;

namespace ArticleQa.Answering;

public sealed partial class AnswerGenerator
{
    /// <summary>
    /// The verified answer of the sentences the model has finished, recomputed only when one more is finished. The
    /// verifier judges each sentence on its own and numbers citations by first use, so each result extends the last.
    /// </summary>
    private sealed class VerifiedPrefix(IReadOnlyList<RetrievedPassage> sources, CitationVerifier verifier)
    {
        private int _finished;

        /// <returns>The new verified prefix, or null when no sentence was finished since the last call.</returns>
        public Answer? Update(string modelText)
        {
            var spans = SentenceSplitter.Split(modelText);

            // The last sentence may still grow, so only the ones before it count as finished.
            var finished = spans.Count - 1;
            if (finished <= _finished)
            {
                return null;
            }

            _finished = finished;
            var answer = ToAnswer(modelText[..spans[^1].Start], sources, verifier);
            return answer.Abstained ? null : answer;
        }
    }
}
