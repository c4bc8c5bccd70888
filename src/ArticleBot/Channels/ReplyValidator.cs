using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ArticleBot.Channels;

/// <summary>
/// Checks a rendered reply against the limits Teams and Web Chat enforce (one root Message entity with <c>@id</c> "",
/// a Claim per marker, title ≤ 80, abstract ≤ 160, ≤ 3 keywords of ≤ 28 characters, ≤ 10 citations, every marker and
/// link definition backed by a citation). Returns the problems; empty means valid.
/// </summary>
public static partial class ReplyValidator
{
    public static IReadOnlyList<string> Validate(IMessageActivity reply, ChannelKind kind)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var problems = new List<string>();
        var roots = (reply.Entities ?? []).Where(e => e.Type == CitationEntity.EntityType).ToList();
        if (roots.Count > 1)
        {
            problems.Add($"{roots.Count} root Message entities; Teams rejects more than one");
        }

        var claims = roots.Count == 0 ? [] : ValidateEntity(roots[0].Properties, problems);
        var markers = Marker().Matches(reply.Text ?? "").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var listed = kind == ChannelKind.Markdown
            ? SourceLine().Matches(reply.Text ?? "").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet()
            : claims.Keys.ToHashSet();
        problems.AddRange(markers.Where(n => !listed.Contains(n)).Select(n => $"marker [{n}] has no citation"));
        if (kind == ChannelKind.WebChat)
        {
            ValidateDefinitions(reply.Text ?? "", claims, problems);
        }

        return problems;
    }

    private static Dictionary<int, JObject> ValidateEntity(JObject entity, List<string> problems)
    {
        if ((string?)entity["@id"] != "")
        {
            problems.Add("Message entity @id must be \"\"");
        }

        var claims = new Dictionary<int, JObject>();
        var citations = entity["citation"] as JArray ?? [];
        if (citations.Count > CitationEntity.MaxCitations)
        {
            problems.Add($"{citations.Count} citations; at most {CitationEntity.MaxCitations}");
        }

        foreach (var claim in citations.OfType<JObject>())
        {
            var position = (int?)claim["position"] ?? 0;
            claims[position] = claim;
            ValidateClaim(position, claim, problems);
        }

        return claims;
    }

    private static void ValidateClaim(int position, JObject claim, List<string> problems)
    {
        if ((string?)claim["@type"] != "Claim" || claim["appearance"] is not JObject appearance || (string?)appearance["@type"] != "DigitalDocument")
        {
            problems.Add($"citation {position}: needs @type Claim and an appearance of @type DigitalDocument");
            return;
        }

        Check(((string?)appearance["name"])?.Length is > 0 and <= CitationEntity.MaxTitleLength, $"citation {position}: name must be 1-{CitationEntity.MaxTitleLength} characters");
        Check(((string?)appearance["abstract"])?.Length is null or <= CitationEntity.MaxAbstractLength, $"citation {position}: abstract over {CitationEntity.MaxAbstractLength} characters");
        var keywords = appearance["keywords"] as JArray ?? [];
        Check(keywords.Count <= CitationEntity.MaxKeywords, $"citation {position}: more than {CitationEntity.MaxKeywords} keywords");
        Check(keywords.All(k => ((string?)k)?.Length <= CitationEntity.MaxKeywordLength), $"citation {position}: keyword over {CitationEntity.MaxKeywordLength} characters");

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }

    private static void ValidateDefinitions(string text, Dictionary<int, JObject> claims, List<string> problems)
    {
        foreach (Match definition in Definition().Matches(text))
        {
            var number = int.Parse(definition.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!claims.TryGetValue(number, out var claim))
            {
                problems.Add($"link definition [{number}] has no citation");
                continue;
            }

            var url = (string?)claim["appearance"]?["url"];
            if (url is not null && url != definition.Groups["url"].Value)
            {
                problems.Add($"link definition [{number}] url differs from the citation's url");
            }
        }

        problems.AddRange(claims.Keys.Where(n => !Definition().Matches(text).Any(d => d.Groups["n"].Value == n.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(n => $"citation {n} has no link definition (Web Chat 4.18 would not list it)"));
    }

    [GeneratedRegex(@"^(\d+)\. \*\*", RegexOptions.Multiline)]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"\[(\d+)\](?!:)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"^\[(?<n>\d+)\]: (?<url>\S+)", RegexOptions.Multiline)]
    private static partial Regex Definition();
}
