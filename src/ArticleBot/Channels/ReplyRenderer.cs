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
/// </summary>
public static class ReplyRenderer
{
    public static IMessageActivity Render(Answer answer, ChannelKind kind, string answerId)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var citations = answer.Citations.Take(CitationEntity.MaxCitations).ToList();
        var text = WithoutMarkersAbove(answer.Text, citations.Count);
        return kind switch
        {
            ChannelKind.Teams => Teams(text, citations),
            ChannelKind.WebChat => WebChat(text, citations, answerId),
            _ => Markdown(text, citations),
        };
    }

    private static IMessageActivity Teams(string text, List<Citation> citations)
    {
        var reply = MessageFactory.Text(text);
        reply.Entities = citations.Count == 0 ? [] : [CitationEntity.Create(citations)];
        reply.ChannelData = new JObject { ["feedbackLoop"] = new JObject { ["type"] = "default" } };
        return reply;
    }

    private static IMessageActivity WebChat(string text, List<Citation> citations, string answerId)
    {
        var definitions = citations.Select(c => string.Create(
            CultureInfo.InvariantCulture,
            $"[{c.Number}]: {c.Url?.AbsoluteUri ?? $"cite:{c.Number}"} \"{LinkTitle(c.Title)}\""));
        var reply = MessageFactory.Text(citations.Count == 0 ? text : text + "\n\n" + string.Join('\n', definitions));
        reply.TextFormat = TextFormatTypes.Markdown;
        reply.Entities = [CitationEntity.Create(citations, withModalText: true, feedbackId: answerId)];
        return reply;
    }

    private static IMessageActivity Markdown(string text, List<Citation> citations)
    {
        var markdown = new StringBuilder(text);
        if (citations.Count > 0)
        {
            markdown.Append("\n\n**Sources**\n");
        }

        foreach (var c in citations)
        {
            markdown.Append(CultureInfo.InvariantCulture, $"\n{c.Number}. **{c.Title}**: \"{CitationEntity.Truncate(CitationEntity.ExcerptOf(c), 200)}\"");
            if (c.Url is not null)
            {
                markdown.Append(CultureInfo.InvariantCulture, $" [link]({c.Url.AbsoluteUri})");
            }
        }

        var reply = MessageFactory.Text(markdown.ToString());
        reply.TextFormat = TextFormatTypes.Markdown;

        // The Emulator ignores the entity, but its Inspector shows it, and clients that read it get the citations.
        reply.Entities = citations.Count == 0 ? [] : [CitationEntity.Create(citations)];
        return reply;
    }

    /// <summary>Removes markers beyond the citations actually sent, so no marker points at nothing.</summary>
    internal static string WithoutMarkersAbove(string text, int count) =>
        CitationParser.Normalize(text, count);

    private static string LinkTitle(string title) => CitationEntity.Truncate(title, CitationEntity.MaxTitleLength).Replace('"', '\'');
}
