namespace ArticleQa.Text;

/// <summary>
/// Whole quotations for sentences shown on their own. News text quotes people over several sentences
/// (“We never had any such intentions. But if they want to have it formalized, let’s do it,” he said.), so a sentence
/// taken alone can open a quote it does not close, or close one it did not open. <see cref="Whole"/> widens such a
/// sentence to the sentences of its paragraph that hold the rest of the quote, up to <see cref="MaxSentences"/>
/// and <see cref="MaxLength"/>; a quote longer than that gets the missing mark instead, so no answer shows half a
/// pair of quotation marks.
/// </summary>
public static class Quotations
{
    /// <summary>The most sentences a widened sentence spans, itself included.</summary>
    public const int MaxSentences = 2;

    /// <summary>The longest a widened sentence may be, in characters.</summary>
    public const int MaxLength = 300;

    /// <summary>
    /// <paramref name="sentence"/>, one of <paramref name="text"/>'s sentences, with the sentences of its paragraph
    /// that complete a quotation it is part of; with a quotation mark added where the quotation goes on further. A
    /// sentence outside any quotation, or one not found in the text, is returned as it is (marks balanced). Without
    /// <paramref name="earlier"/> only later sentences are added: reading on from a sentence already shown, the
    /// quotation's start is not shown again.
    /// </summary>
    public static string Whole(string text, string sentence, bool earlier = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentence);
        var at = text.IndexOf(sentence, StringComparison.Ordinal);
        if (at < 0 || sentence.Length == 0)
        {
            return Balanced(sentence, ClosesUnopened(sentence), OpenBefore(sentence, sentence.Length));
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
        if (at == 0)
        {
            lineStart = 0;
        }

        var lineEnd = text.IndexOf('\n', at + sentence.Length);
        var line = text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)];
        var spans = SentenceSplitter.Split(line);
        var index = -1;
        for (var i = 0; i < spans.Count; i++)
        {
            if (lineStart + spans[i].Start == at && spans[i].Length == sentence.Length)
            {
                index = i;
            }
        }

        if (index < 0)
        {
            return Balanced(sentence, ClosesUnopened(sentence), OpenBefore(sentence, sentence.Length));
        }

        // Widened only as far as the quotation's own marks, and only when they are near enough.
        var first = index;
        while (earlier && first > 0 && OpenBefore(line, spans[first].Start))
        {
            first--;
        }

        first = Fits(line, spans, first, index) && !OpenBefore(line, spans[first].Start) ? first : index;
        var last = index;
        while (last < spans.Count - 1 && OpenBefore(line, spans[last].End))
        {
            last++;
        }

        last = Fits(line, spans, first, last) && !OpenBefore(line, spans[last].End) ? last : index;

        return Balanced(line[spans[first].Start..spans[last].End], OpenBefore(line, spans[first].Start), OpenBefore(line, spans[last].End));
    }

    private static bool Fits(string line, IReadOnlyList<TextSpan> spans, int first, int last) =>
        last - first + 1 <= MaxSentences && spans[last].End - spans[first].Start <= MaxLength;

    /// <summary>
    /// Whether a quotation is open at <paramref name="position"/> of <paramref name="line"/>: a “ not yet closed by a
    /// ”, or an odd number of straight double quotes.
    /// </summary>
    private static bool OpenBefore(string line, int position)
    {
        var curly = 0;
        var straight = false;
        for (var i = 0; i < position; i++)
        {
            switch (line[i])
            {
                case '“':
                    curly++;
                    break;
                case '”':
                    curly = Math.Max(0, curly - 1);
                    break;
                case '"':
                    straight = !straight;
                    break;
            }
        }

        return curly > 0 || straight;
    }

    /// <summary>
    /// <paramref name="text"/> with an opening mark added when it starts inside a quotation and a closing one when
    /// it ends inside one, in the text's own style (curly or straight).
    /// </summary>
    private static string Balanced(string text, bool openAtStart, bool openAtEnd)
    {
        var straight = text.Contains('"', StringComparison.Ordinal) && !text.Contains('“', StringComparison.Ordinal) && !text.Contains('”', StringComparison.Ordinal);
        var (open, close) = straight ? ("\"", "\"") : ("“", "”");
        return (openAtStart ? open : "") + text + (openAtEnd ? close : "");
    }

    /// <summary>Whether <paramref name="text"/> closes a curly quotation it did not open (for a sentence whose place in a text is not known).</summary>
    private static bool ClosesUnopened(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '“')
            {
                depth++;
            }
            else if (c == '”' && --depth < 0)
            {
                return true;
            }
        }

        return false;
    }
}
