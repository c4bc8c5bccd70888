using System.Collections.Frozen;

namespace ArticleQa.Text;

/// <summary>
/// Rule-based English sentence boundaries for news text. A line break always ends a sentence (headlines, bylines and
/// paragraphs carry no final period); inside a line a sentence ends at . ! ? (plus closing quotes or brackets) followed
/// by a space and a capital, digit or opening quote, unless the word before the period is a known abbreviation or an
/// initial.
/// </summary>
public static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp",
        "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "approx", "dept", "est", "fig",
        "mt", "ft", "rev", "hon", "pres",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const string ClosingPunctuation = "\"'”’)]»";
    private const string OpeningPunctuation = "\"'“‘([«";

    /// <summary>The sentences of <paramref name="text"/> as strings, in order, blank ones left out.</summary>
    public static IEnumerable<string> Sentences(string text) =>
        Split(text).Select(span => span.Of(text)).Where(s => !string.IsNullOrWhiteSpace(s));

    /// <summary>Returns the sentences of <paramref name="text"/> as trimmed spans, in order.</summary>
    public static IReadOnlyList<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<TextSpan>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            SplitLine(text, lineStart, lineEnd, sentences);
            lineStart = lineEnd + 1;
        }

        return sentences;
    }

    private static void SplitLine(string text, int start, int end, List<TextSpan> sentences)
    {
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var close = i + 1;
            while (close < end && (ClosingPunctuation.Contains(text[close], StringComparison.Ordinal) || text[close] is '.' or '!' or '?'))
            {
                close++;
            }

            // Citation markers after the end belong to the sentence: "“These do not exist.” [1] Next one."
            close = AfterMarkers(text, close, end);
            if (close >= end || !char.IsWhiteSpace(text[close]))
            {
                continue;
            }

            var next = close;
            while (next < end && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < end && StartsSentence(text[next]) && !(text[i] == '.' && IsAbbreviation(text, sentenceStart, i)))
            {
                AddTrimmed(text, sentenceStart, close, sentences);
                sentenceStart = next;
                i = next - 1;
            }
        }

        AddTrimmed(text, sentenceStart, end, sentences);
    }

    /// <summary>The end of the citation markers ("[3]", "[2][3]", "[2] [3]") that follow <paramref name="at"/> after white space; <paramref name="at"/> when none do.</summary>
    private static int AfterMarkers(string text, int at, int end)
    {
        var after = at;
        var next = at;
        while (true)
        {
            while (next < end && text[next] == ' ')
            {
                next++;
            }

            var close = next + 1;
            while (close < end && char.IsDigit(text[close]))
            {
                close++;
            }

            if (next >= end || text[next] != '[' || close == next + 1 || close >= end || text[close] != ']')
            {
                return after;
            }

            after = next = close + 1;
        }
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || OpeningPunctuation.Contains(c, StringComparison.Ordinal);

    private static bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && !OpeningPunctuation.Contains(text[wordStart - 1], StringComparison.Ordinal))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> sentences)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new TextSpan(start, end));
        }
    }
}
