using System.Diagnostics;
using ArticleQa.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ArticleQa.Answering;

/// <summary>
/// The engine's one entry point for a question: retrieve passages, abstain without a model call when none is
/// relevant, otherwise render the Answer prompt with the numbered sources, run the configured model and map its
/// citation markers back to passages.
/// </summary>
public sealed class AnswerGenerator(
    PassageRetriever retriever,
    PromptLibrary prompts,
    Kernel kernel,
    IOptions<RetrievalOptions> retrievalOptions,
    ILogger<AnswerGenerator> logger)
{
    private readonly RetrievalOptions _retrieval = retrievalOptions.Value;

    public async Task<Answer> AnswerAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var started = Stopwatch.StartNew();
        var found = await retriever.SearchAsync(question, cancellationToken: cancellationToken).ConfigureAwait(false);
        var sources = found.Where(p => p.Score >= _retrieval.MinScore).ToList();
        logger.LogInformation("Retrieved {Count} passages in {ElapsedMs} ms", sources.Count, started.ElapsedMilliseconds);
        if (sources.Count == 0)
        {
            return Answer.NotCoveredAnswer;
        }

        var arguments = new KernelArguments
        {
            ["sources"] = SourcesBlock.Format(sources),
            ["history"] = "(none)",
            ["question"] = question.Trim(),
        };
        var result = await prompts[PromptLibrary.AnswerFunction].InvokeAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
        var answer = ToAnswer(result.GetValue<string>() ?? "", sources);
        logger.LogInformation(
            "Answered with {Citations} citations (abstained: {Abstained}) in {ElapsedMs} ms",
            answer.Citations.Count,
            answer.Abstained,
            started.ElapsedMilliseconds);
        return answer;
    }

    internal static Answer ToAnswer(string modelText, IReadOnlyList<RetrievedPassage> sources)
    {
        var parsed = CitationParser.Parse(modelText, sources.Count);
        if (parsed.SourceNumbers.Count == 0 && IsNotCovered(parsed.Text))
        {
            return Answer.NotCoveredAnswer;
        }

        var citations = parsed.SourceNumbers
            .Select((sourceNumber, i) => ToCitation(i + 1, sources[sourceNumber - 1]))
            .ToList();
        return new Answer(parsed.Text, citations, Abstained: false);
    }

    private static bool IsNotCovered(string text) =>
        text.Contains("don't cover", StringComparison.OrdinalIgnoreCase) || text.Contains("do not cover", StringComparison.OrdinalIgnoreCase);

    private static Citation ToCitation(int number, RetrievedPassage source) => new(
        number,
        source.Article.Id,
        source.Article.Title,
        source.Article.Url,
        source.Article.Published,
        source.Passage.Id,
        source.Passage.Text,
        source.Passage.Start,
        source.Passage.End);
}
