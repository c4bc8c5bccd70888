using System.Globalization;
using System.Text;
using ArticleQa.Answering;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Channels;

/// <summary>
/// One answer, three renderings: Teams gets <c>[n]</c> markers, the schema.org
/// Message entity and the feedback loop; Web Chat gets the entity plus markdown link definitions (which is what makes
/// 4.18 show its citation list) and Like/Dislike actions; the Emulator and other channels get markdown with a Sources list.
/// Every reply carries the AI-generated label (answers, abstentions, apologies alike); every citation shows its
/// article's date where one is known and links to the cited sentence (<see cref="CitationLinks"/>).
/// </summary>
public static class ReplyRenderer
{
    /// <param name="articleBase">The bot's public base address, for links to its article pages; null leaves them out.</param>
    public static IMessageActivity Render(Answer answer, ChannelKind kind, string answerId, Uri? articleBase = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var citations = answer.Citations.Take(CitationEntity.MaxCitations).ToList();
        var text = TextOf(answer);
        return kind switch
        {
            ChannelKind.Teams => Teams(text, citations, articleBase),
            ChannelKind.WebChat => WebChat(text, citations, articleBase, answerId),
            _ => Markdown(text, citations, articleBase),
        };
    }

    /// <summary>
    /// A streamed chunk: the verified answer so far with the citations it uses so far (Teams sets citations per chunk;
    /// the AI label and the feedback buttons come with the final message only).
    /// </summary>
    public static IMessageActivity RenderChunk(Answer soFar, ChannelKind kind, Uri? articleBase = null)
    {
        ArgumentNullException.ThrowIfNull(soFar);
        var citations = soFar.Citations.Take(CitationEntity.MaxCitations).ToList();
        var text = TextOf(soFar);
        var reply = MessageFactory.Text(kind == ChannelKind.WebChat && citations.Count > 0 ? text + "\n\n" + Definitions(citations, articleBase) : text);
        reply.Entities = citations.Count == 0 ? [] : [CitationEntity.Create(citations, withModalText: kind == ChannelKind.WebChat, articleBase: articleBase, aiLabel: false)];
        return reply;
    }

    /// <summary>The answer's text as a channel shows it (markers beyond the citations sent removed).</summary>
    public static string TextOf(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return WithoutMarkersAbove(answer.Text, Math.Min(answer.Citations.Count, CitationEntity.MaxCitations));
    }

    private static IMessageActivity Teams(string text, List<Citation> citations, Uri? articleBase)
    {
        var reply = MessageFactory.Text(text);
        reply.Entities = [CitationEntity.Create(citations, articleBase: articleBase)];
        reply.ChannelData = new JObject { ["feedbackLoop"] = new JObject { ["type"] = "default" } };
        return reply;
    }

    private static IMessageActivity WebChat(string text, List<Citation> citations, Uri? articleBase, string answerId)
    {
        var reply = MessageFactory.Text(citations.Count == 0 ? text : text + "\n\n" + Definitions(citations, articleBase));
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.Entities = [CitationEntity.Create(citations, withModalText: true, feedbackId: answerId, articleBase: articleBase)];
        return reply;
    }

    /// <summary>Markdown link definitions, which make Web Chat 4.18 show its citation list; titles carry the date.</summary>
    private static string Definitions(List<Citation> citations, Uri? articleBase) =>
        string.Join('\n', citations.Select(c => string.Create(
            CultureInfo.InvariantCulture,
            $"[{c.Number}]: {CitationLinks.Of(c, articleBase)?.AbsoluteUri ?? $"cite:{c.Number}"} \"{LinkTitle(c)}\"")));

    private static IMessageActivity Markdown(string text, List<Citation> citations, Uri? articleBase)
    {
        var markdown = new StringBuilder(text);
        if (citations.Count > 0)
        {
            markdown.Append("\n\n**Sources**\n");
        }

        foreach (var c in citations)
        {
            var date = CitationEntity.DateOf(c) is { } d ? $" ({d})" : "";
            markdown.Append(CultureInfo.InvariantCulture, $"\n{c.Number}. **{c.Title}**{date}: \"{CitationEntity.Truncate(CitationEntity.ExcerptOf(c), 200)}\"");
            if (CitationLinks.Of(c, articleBase) is { } link)
            {
                markdown.Append(CultureInfo.InvariantCulture, $" [link]({link.AbsoluteUri})");
            }
        }

        var reply = MessageFactory.Text(markdown.ToString());
        reply.TextFormat = TextFormatTypes.Markdown;

        // The Emulator ignores the entity, but its Inspector shows it, and clients that read it get the citations.
        reply.Entities = [CitationEntity.Create(citations, articleBase: articleBase)];
        return reply;
    }

    /// <summary>Removes markers beyond the citations actually sent, so no marker points at nothing.</summary>
    internal static string WithoutMarkersAbove(string text, int count) =>
        CitationParser.Normalize(text, count);

    private static string LinkTitle(Citation citation)
    {
        var title = CitationEntity.Truncate(citation.Title, CitationEntity.MaxTitleLength).Replace('"', '\'');
        return CitationEntity.DateOf(citation) is { } date ? $"{title} ({date})" : title;
    }
}
