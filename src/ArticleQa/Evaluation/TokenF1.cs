using System.Text;

namespace ArticleQa.Evaluation;

/// <summary>SQuAD's token F1: lower case, punctuation and articles (a, an, the) removed, bag-of-words overlap.</summary>
public static class TokenF1
{
    public static double Score(string prediction, string gold)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(gold);
        var predicted = Tokens(prediction);
        var expected = Tokens(gold);
        if (predicted.Count == 0 || expected.Count == 0)
        {
            return predicted.Count == expected.Count ? 1 : 0;
        }

        var remaining = expected.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = 0;
        foreach (var token in predicted)
        {
            if (remaining.TryGetValue(token, out var left) && left > 0)
            {
                remaining[token] = left - 1;
                common++;
            }
        }

        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / predicted.Count;
        var recall = (double)common / expected.Count;
        return 2 * precision * recall / (precision + recall);
    }

    internal static List<string> Tokens(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            cleaned.Append(char.IsPunctuation(c) || char.IsSymbol(c) ? ' ' : c);
        }

        return cleaned.ToString()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(t => t is not ("a" or "an" or "the"))
            .ToList();
    }
}
