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
    /// <summary>Rewrites every marker as <c>[n]</c> with its original source number, dropping numbers outside 1..sourceCount.</summary>
    public static string Normalize(string text, int sourceCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Marker().Replace(text, match =>
        {
            var numbers = Numbers().Matches(match.Groups["body"].Value)
                .Select(n => int.TryParse(n.Value, CultureInfo.InvariantCulture, out var number) ? number : 0)
                .Where(n => n >= 1 && n <= sourceCount)
                .Distinct()
                .ToList();
            return numbers.Count == 0 ? "" : match.Groups["space"].Value + string.Concat(numbers.Select(n => $"[{n}]"));
        });
        return SpaceBeforePunctuation().Replace(RepeatedMarker().Replace(normalized, "$1"), "$1").Trim();
    }

    /// <param name="text">The model's answer.</param>
    /// <param name="sourceCount">Sources were numbered 1..sourceCount.</param>
    public static ParsedCitations Parse(string text, int sourceCount)
    {
        var used = new List<int>();
        var renumbered = SimpleMarker().Replace(Normalize(text, sourceCount), match =>
        {
            var number = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!used.Contains(number))
            {
                used.Add(number);
            }

            return $"[{used.IndexOf(number) + 1}]";
        });
        return new ParsedCitations(RepeatedMarker().Replace(renumbered, "$1"), used);
    }

    /// <summary>The source numbers of the <c>[n]</c> markers in a normalised sentence, in order, without repeats.</summary>
    public static IReadOnlyList<int> NumbersIn(string normalizedText) =>
        SimpleMarker().Matches(normalizedText).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();

    /// <summary>The sentence without its <c>[n]</c> markers.</summary>
    public static string WithoutMarkers(string normalizedText) =>
        SpaceBeforePunctuation().Replace(SpacedMarker().Replace(normalizedText, ""), "$1").Trim();

    /// <summary>
    /// Puts the markers before the sentence's final punctuation: "He left [2][3]."; after a closing quotation mark,
    /// whose period moves after them: "“We agree” [3]." ("“Why now?” [3]" keeps its question mark).
    /// </summary>
    public static string WithMarkers(string sentence, IEnumerable<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var markers = string.Concat(numbers.Select(n => $"[{n}]"));
        if (markers.Length == 0)
        {
            return sentence;
        }

        var text = sentence.TrimEnd();
        var closers = text.Length;
        while (closers > 0 && text[closers - 1] is '”' or '’' or '"' or '\'' or ')' or ']' or '»')
        {
            closers--;
        }

        if (closers < text.Length && closers > 0 && text[closers - 1] is '?' or '!')
        {
            // “Why now?” keeps its mark inside the quotation: “Why now?” [3]
            return $"{text} {markers}";
        }

        var end = closers;
        while (end > 0 && text[end - 1] is '.' or '!' or '?' or ';' or ':')
        {
            end--;
        }

        // A quotation's closing marks stay with it and the period follows the marker: “We agree” [3].
        var final = closers < text.Length ? "." : end < text.Length ? text[end..] : ".";
        return new StringBuilder(text.Length + markers.Length + 2)
            .Append(text.AsSpan(0, end).TrimEnd())
            .Append(text.AsSpan(closers))
            .Append(' ').Append(markers)
            .Append(final)
            .ToString();
    }

    [GeneratedRegex(@"(?<space>\s?)(?:\[(?<body>\s*(?:docs?\s*)?\d+(?:\s*,\s*(?:docs?\s*)?\d+)*\s*)\]|【(?<body>\s*(?:docs?\s*)?\d+\s*)】)", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex SimpleMarker();

    [GeneratedRegex(@"\s?\[\d+\]")]
    private static partial Regex SpacedMarker();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"(\[\d+\])\1+")]
    private static partial Regex RepeatedMarker();

    [GeneratedRegex(@"\s+([.,;:!?])(?=\s|$)")]
    private static partial Regex SpaceBeforePunctuation();
}

/// <summary>The answer text with markers renumbered 1..n, and for each new number (index + 1) the original source number.</summary>
public sealed record ParsedCitations(string Text, IReadOnlyList<int> SourceNumbers);
