using System.Globalization;
using System.Text;
using ArticleQa.Evaluation;

namespace ArticleBot.Cli;

/// <summary>Two eval runs side by side: each figure with its difference, and the questions whose outcome changed.</summary>
internal static class EvalComparison
{
    public static string ToText(IReadOnlyList<string> names, EvalReport a, EvalReport b)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"figure",-22} {Name(names[0]),14} {Name(names[1]),14} {"difference",11}");
        var figuresA = EvalHtmlReport.Figures(a);
        var figuresB = EvalHtmlReport.Figures(b);
        for (var i = 0; i < figuresA.Count; i++)
        {
            var (name, x) = figuresA[i];
            var y = figuresB[i].Value;
            var difference = x is { } vx && y is { } vy ? (vy - vx).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) : "n/a";
            text.AppendLine(CultureInfo.InvariantCulture, $"{name,-22} {Figure(x),14} {Figure(y),14} {difference,11}");
        }

        if (a.Answers is { } answersA && b.Answers is { } answersB)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{"latency p50 ms",-22} {answersA.LatencyP50Ms,14:0} {answersB.LatencyP50Ms,14:0}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{"prompt hash",-22} {string.Join(",", answersA.PromptHashes),14} {string.Join(",", answersB.PromptHashes),14}");
            var before = answersA.Results.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var changed = answersB.Results.Where(r => before.TryGetValue(r.Id, out var old) && old.Passed != r.Passed).ToList();
            text.AppendLine().AppendLine(Significance(names, changed.Count(r => r.Passed), changed.Count(r => !r.Passed)));
            text.AppendLine(CultureInfo.InvariantCulture, $"{changed.Count} questions changed outcome:");
            foreach (var r in changed)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {(r.Passed ? "fail -> pass" : "pass -> fail")}  {r.Id}  {r.Question}");
                text.AppendLine(CultureInfo.InvariantCulture, $"      {Name(names[0])}: {before[r.Id].Answer}");
                text.AppendLine(CultureInfo.InvariantCulture, $"      {Name(names[1])}: {r.Answer}");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>
    /// Whether the changed outcomes lean one way more than luck would: on a few dozen questions a difference of two or
    /// three is usually the luck of which questions were asked, whatever the figures above say.
    /// </summary>
    private static string Significance(IReadOnlyList<string> names, int better, int worse)
    {
        var p = SignTest.TwoSidedP(better, worse);
        var reading = better + worse == 0 ? "nothing to tell apart"
            : p < 0.05 ? $"unlikely to be chance: {(better > worse ? Name(names[1]) : Name(names[0]))} does better"
            : "within chance: these questions do not tell the two apart";
        return string.Create(CultureInfo.InvariantCulture, $"outcome changes: {better} fail -> pass, {worse} pass -> fail; exact sign test p = {p:0.000} ({reading})");
    }

    private static string Name(string variant) => variant.Length <= 14 ? variant : "…" + variant[^13..];

    private static string Figure(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";
}
