using ArticleQa.Answering;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Channels;

/// <summary>
/// The one root <c>https://schema.org/Message</c> entity that carries an answer's citations (Teams, Web Chat 4.18):
/// a <c>Claim</c> per citation whose <c>position</c> matches the <c>[n]</c> marker in the text, within Teams' limits.
/// </summary>
public static class CitationEntity
{
    public const string EntityType = "https://schema.org/Message";
    public const int MaxTitleLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 28;
    public const int MaxCitations = 10;

    /// <param name="citations">The answer's citations (at most <see cref="MaxCitations"/> are sent).</param>
    /// <param name="withModalText">Web Chat without a url: put the passage as markdown <c>text</c> so the citation opens a modal.</param>
    /// <param name="feedbackId">Web Chat: adds Like/Dislike actions whose <c>@id</c> carries this answer id.</param>
    /// <param name="articleBase">The bot's public address: citations without a url link to its article page there.</param>
    /// <param name="aiLabel">The AI-generated label; Teams takes it on the final message only, not on streamed chunks.</param>
    public static Entity Create(IReadOnlyList<Citation> citations, bool withModalText = false, string? feedbackId = null, Uri? articleBase = null, bool aiLabel = true)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var properties = new JObject
        {
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
        };
        if (aiLabel)
        {
            properties["additionalType"] = new JArray("AIGeneratedContent");
        }

        if (citations.Count > 0)
        {
            properties["citation"] = new JArray(citations.Take(MaxCitations).Select(c => Claim(c, withModalText, CitationLinks.Of(c, articleBase))));
        }

        if (feedbackId is not null)
        {
            properties["potentialAction"] = new JArray(
                new JObject { ["@type"] = "LikeAction", ["@id"] = $"fb:like:{feedbackId}" },
                new JObject { ["@type"] = "DislikeAction", ["@id"] = $"fb:dislike:{feedbackId}" });
        }

        return new Entity(EntityType) { Properties = properties };
    }

    private static JObject Claim(Citation citation, bool withModalText, Uri? link)
    {
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Truncate(citation.Title, MaxTitleLength),
            ["abstract"] = Truncate(DateOf(citation) is { } date ? $"{date} · {ExcerptOf(citation)}" : ExcerptOf(citation), MaxAbstractLength),
            ["keywords"] = new JArray(Keywords.Of(citation.Passage, MaxKeywords, MaxKeywordLength)),
        };
        if (link is not null)
        {
            appearance["url"] = link.AbsoluteUri;
        }
        else if (withModalText)
        {
            // The modal shows the whole passage as markdown, the supporting sentence in bold.
            appearance["text"] = citation.Excerpt.Length > 0
                ? citation.Passage.Replace(citation.Excerpt, $"**{citation.Excerpt}**", StringComparison.Ordinal)
                : citation.Passage;
        }

        return new JObject { ["@type"] = "Claim", ["position"] = citation.Number, ["appearance"] = appearance };
    }

    /// <summary>The cited article's date (yyyy-MM-dd), or null when the article has none.</summary>
    public static string? DateOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The sentence that supports the claim, or the passage when there is none.</summary>
    public static string ExcerptOf(Citation citation)
    {
        ArgumentNullException.ThrowIfNull(citation);
        return citation.Excerpt.Length > 0 ? citation.Excerpt : citation.Passage;
    }

    /// <summary>Shortens <paramref name="text"/> to at most <paramref name="max"/> characters, at a word boundary, with an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (oneLine.Length <= max)
        {
            return oneLine;
        }

        var cut = oneLine.LastIndexOf(' ', max - 1);
        return string.Concat(oneLine.AsSpan(0, cut > max / 2 ? cut : max - 1), "…");
    }
}
