using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArticleQa.Answering;

/// <summary>
/// Finds citation markers in a model's text (<c>[1]</c>, <c>[1, 2]</c>, <c>[1][2]</c>, <c>[doc1]</c>, <c>【1】</c>),
/// drops numbers that name no source, renumbers the rest in order of first use and writes them back as <c>[n]</c>.
/// </summary>
public static partial class CitationParser
{
    /// <param name="text">The model's answer.</param>
    /// <param name="sourceCount">Sources were numbered 1..sourceCount.</param>
    public static ParsedCitations Parse(string text, int sourceCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var used = new List<int>();
        var rewritten = Marker().Replace(text, match =>
        {
            var numbers = Numbers().Matches(match.Groups["body"].Value)
                .Select(n => int.Parse(n.Value, CultureInfo.InvariantCulture))
                .Where(n => n >= 1 && n <= sourceCount)
                .Distinct()
                .ToList();
            if (numbers.Count == 0)
            {
                return "";
            }

            var markers = new StringBuilder(match.Groups["space"].Value);
            foreach (var number in numbers)
            {
                if (!used.Contains(number))
                {
                    used.Add(number);
                }

                markers.Append('[').Append(used.IndexOf(number) + 1).Append(']');
            }

            return markers.ToString();
        });
        rewritten = RepeatedMarker().Replace(rewritten, "$1");
        return new ParsedCitations(SpaceBeforePunctuation().Replace(rewritten, "$1").Trim(), used);
    }

    [GeneratedRegex(@"(?<space>\s?)(?:\[(?<body>\s*(?:docs?\s*)?\d+(?:\s*,\s*(?:docs?\s*)?\d+)*\s*)\]|【(?<body>\s*(?:docs?\s*)?\d+\s*)】)", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"(\[\d+\])\1+")]
    private static partial Regex RepeatedMarker();

    [GeneratedRegex(@"\s+([.,;:!?])(?=\s|$)")]
    private static partial Regex SpaceBeforePunctuation();
}

/// <summary>The answer text with markers renumbered 1..n, and for each new number (index + 1) the original source number.</summary>
public sealed record ParsedCitations(string Text, IReadOnlyList<int> SourceNumbers);
