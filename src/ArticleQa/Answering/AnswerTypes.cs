using System.Text.RegularExpressions;
using ArticleQa.Text;

namespace ArticleQa.Answering;

/// <summary>What kind of thing a question asks for.</summary>
internal enum AnswerType
{
    Any,
    Name,
    Time,
    Number,
}

/// <summary>Question-word rules: who/where want a name, when a date, how many a number; and whether a sentence holds one.</summary>
internal static partial class AnswerTypes
{
    public static AnswerType Expected(string question)
    {
        var q = question.Trim().ToLowerInvariant();
        return q switch
        {
            _ when HowMuch().IsMatch(q) => AnswerType.Number,
            _ when q.StartsWith("when", StringComparison.Ordinal) || WhatTime().IsMatch(q) => AnswerType.Time,
            _ when q.StartsWith("who", StringComparison.Ordinal) || q.StartsWith("where", StringComparison.Ordinal) => AnswerType.Name,
            _ => AnswerType.Any,
        };
    }

    /// <summary>True when <paramref name="sentence"/> holds a thing of the expected type that the question itself does not.</summary>
    public static bool Holds(AnswerType expected, string sentence, string question) => expected switch
    {
        AnswerType.Name => NamedEntities.Find(sentence).Any(name => !question.Contains(name, StringComparison.OrdinalIgnoreCase) && !TimeWords().IsMatch(name)),
        AnswerType.Time => TimeWords().Matches(sentence).Any(m => !question.Contains(m.Value, StringComparison.OrdinalIgnoreCase)),
        AnswerType.Number => Numbers().Matches(sentence).Any(m => !question.Contains(m.Value, StringComparison.OrdinalIgnoreCase)),
        _ => false,
    };

    /// <summary>The numbers (digits or number words) in <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> NumbersIn(string text) => Numbers().Matches(text).Select(m => m.Value.TrimEnd('.', ','));

    [GeneratedRegex(@"^(how (many|much|long|old|far|large|big|tall|often)|what (percentage|percent|number|amount|proportion))\b")]
    private static partial Regex HowMuch();

    [GeneratedRegex(@"^(what|which) (year|date|day|month|century|decade|time|period)\b")]
    private static partial Regex WhatTime();

    [GeneratedRegex(@"\b(1[0-9]{3}|20[0-9]{2}|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow|next week|last week|century|decade)\b")]
    private static partial Regex TimeWords();

    [GeneratedRegex(@"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Numbers();
}
