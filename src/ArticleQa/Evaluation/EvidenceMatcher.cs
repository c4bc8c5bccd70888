using System.Text;

namespace ArticleQa.Evaluation;

/// <summary>
/// Decides whether a passage holds a question's gold text: its evidence sentence, or without one any of its answers.
/// Comparison is ordinal and case-sensitive, after collapsing each run of whitespace to one space on both sides, so
/// line breaks and double spaces in the article do not hide a hit.
/// </summary>
internal sealed class EvidenceMatcher
{
    private readonly string[] _targets;

    public EvidenceMatcher(EvalQuestion question)
    {
        _targets = string.IsNullOrWhiteSpace(question.Evidence)
            ? question.Answers.Select(NormalizeWhitespace).Where(answer => answer.Length > 0).ToArray()
            : [NormalizeWhitespace(question.Evidence)];
    }

    public bool IsHit(string passageText)
    {
        var text = NormalizeWhitespace(passageText);
        return _targets.Any(target => text.Contains(target, StringComparison.Ordinal));
    }

    internal static string NormalizeWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
