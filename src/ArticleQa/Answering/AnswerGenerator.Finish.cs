using ArticleQa.Retrieval;
using Microsoft.Extensions.Logging;

namespace ArticleQa.Answering;

public sealed partial class AnswerGenerator
{
    private Answer Abstain(PreparedTurn turn)
    {
        logger.LogInformation("No passage above the minimum score; abstained without calling the model");
        logger.LogDebug("Abstained on query {Query}", turn.Query);
        return Answer.NotCoveredAnswer with { Text = NotCoveredText(turn), CondensedQuery = turn.Query, PromptHash = turn.Prompts.Hash, Elapsed = turn.Started.Elapsed };
    }

    /// <summary>What an abstention says: after "Tell me more", that the articles say no more, since they did say something.</summary>
    private static string NotCoveredText(PreparedTurn turn) => turn.ForMore ? Answer.NoMore : Answer.NotCovered;

    private Answer Failed(PreparedTurn turn, Exception e)
    {
        logger.LogError(e, "The model failed after retries");
        logger.LogDebug("The model failed on query {Query}", turn.Query);
        return new Answer(Answer.Apology, [], Abstained: false)
        {
            Failed = true,
            ModelCalled = true,
            CondensedQuery = turn.Query,
            PromptHash = turn.Prompts.Hash,
            Elapsed = turn.Started.Elapsed,
        };
    }

    private Answer Finish(string modelText, PreparedTurn turn)
    {
        var answer = ToAnswer(modelText, turn.Sources, verifier);
        answer = answer with
        {
            Text = answer.Abstained ? NotCoveredText(turn) : answer.Text,
            ModelCalled = true,
            CondensedQuery = turn.Query,
            PromptHash = turn.Prompts.Hash,
            Elapsed = turn.Started.Elapsed,
            Confidence = turn.Confidence,
        };
        logger.LogInformation(
            "Answered with {Citations} citations (abstained {Abstained}; markers removed {Removed}, moved {Moved}; sentences dropped {Dropped}; prompts {Hash}) in {ElapsedMs} ms",
            answer.Citations.Count,
            answer.Abstained,
            answer.Check.Removed,
            answer.Check.Moved,
            answer.Check.DroppedSentences,
            answer.PromptHash,
            (long)answer.Elapsed.TotalMilliseconds);
        return answer;
    }

    /// <summary>Model text → verified, renumbered answer whose every marker points at a source.</summary>
    internal static Answer ToAnswer(string modelText, IReadOnlyList<RetrievedPassage> sources, CitationVerifier verifier)
    {
        var normalized = CitationParser.Normalize(modelText, sources.Count);
        // The prompt asks for a source number after every claim, so a reply that cites nothing makes no claim the
        // sources back: it is an abstention, however it is worded (and in whatever language). Its words are not
        // matched against the sources, where "the articles don't cover that" could find a passage with "cover" in it.
        if (CitationParser.NumbersIn(normalized).Count == 0)
        {
            return Answer.NotCoveredAnswer;
        }

        var (verified, check) = verifier.Verify(normalized, sources);
        var parsed = CitationParser.Parse(verified, sources.Count);
        if (parsed.SourceNumbers.Count == 0)
        {
            return Answer.NotCoveredAnswer with { Check = check };
        }

        var citations = parsed.SourceNumbers.Select((sourceNumber, i) => ToCitation(i + 1, sources[sourceNumber - 1], parsed.Text)).ToList();
        return new Answer(parsed.Text, citations, Abstained: false) { Check = check };
    }

    private static Citation ToCitation(int number, RetrievedPassage source, string answerText)
    {
        var excerpt = ExcerptPicker.Pick(answerText, number, source.Passage);
        return new Citation(
            number,
            source.Article.Id,
            source.Article.Title,
            source.Article.Url,
            source.Article.Published,
            source.Passage.Id,
            source.Passage.Text,
            source.Passage.Start,
            source.Passage.End,
            excerpt.Text,
            excerpt.Start,
            excerpt.End);
    }
}
