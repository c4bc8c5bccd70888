using ArticleQa.Answering;
using ArticleQa.Retrieval;
using Microsoft.Extensions.Options;

namespace ArticleQa.Ranking;

/// <summary>With <c>Retrieval:Rerank</c> on, a missing or corrupt passage ranker file fails the start with a message naming the file.</summary>
internal sealed class PassageRankerValidator(IPassageReranker reranker, IOptions<AnsweringOptions> answering) : IValidateOptions<RetrievalOptions>
{
    public ValidateOptionsResult Validate(string? name, RetrievalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Rerank || reranker is not PassageRankerStore store)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            store.Get(answering.Value);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidDataException e)
        {
            return ValidateOptionsResult.Fail($"Retrieval:Rerank: {e.Message}");
        }
    }
}
