using System.Text.Json;
using System.Text.Json.Serialization;
using ArticleQa.Answering;

namespace ArticleBot.Cli;

/// <summary>The <c>--json</c> shape of an answer.</summary>
internal static class AnswerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(Answer answer) => JsonSerializer.Serialize(
        new
        {
            answer = answer.Text,
            citations = answer.Citations.Select(c => new
            {
                number = c.Number,
                articleId = c.ArticleId,
                title = c.Title,
                url = c.Url?.AbsoluteUri,
                published = c.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                passageId = c.PassageId,
                passage = c.Passage,
                start = c.Start,
                end = c.End,
                excerpt = c.Excerpt,
                excerptStart = c.ExcerptStart,
                excerptEnd = c.ExcerptEnd,
            }),
            abstained = answer.Abstained,
            condensedQuery = answer.CondensedQuery,
            promptHash = answer.PromptHash,
            citationCheck = new { removed = answer.Check.Removed, moved = answer.Check.Moved, droppedSentences = answer.Check.DroppedSentences },
            failed = answer.Failed,
            elapsedMs = Math.Round(answer.Elapsed.TotalMilliseconds),
        },
        Options);
}
