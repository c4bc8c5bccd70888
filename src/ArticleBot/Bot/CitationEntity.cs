using ArticleQa.Answering;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Bot;

/// <summary>
/// The one root <c>https://schema.org/Message</c> entity that carries an answer's citations (Teams, Web Chat 4.18):
/// a <c>Claim</c> per citation whose <c>position</c> matches the <c>[n]</c> marker in the text.
/// </summary>
public static class CitationEntity
{
    public const string EntityType = "https://schema.org/Message";
    public const int MaxTitleLength = 80;
    public const int MaxAbstractLength = 160;
    public const int MaxCitations = 10;

    public static Entity Create(IReadOnlyList<Citation> citations)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var claims = new JArray(citations.Take(MaxCitations).Select(Claim));
        var properties = new JObject
        {
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["additionalType"] = new JArray("AIGeneratedContent"),
            ["citation"] = claims,
        };
        return new Entity(EntityType) { Properties = properties };
    }

    private static JObject Claim(Citation citation)
    {
        var appearance = new JObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Truncate(citation.Title, MaxTitleLength),
            ["abstract"] = Truncate(citation.Passage, MaxAbstractLength),
        };
        if (citation.Url is not null)
        {
            appearance["url"] = citation.Url.AbsoluteUri;
        }

        return new JObject { ["@type"] = "Claim", ["position"] = citation.Number, ["appearance"] = appearance };
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
