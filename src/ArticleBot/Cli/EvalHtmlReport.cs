using System.Globalization;
using System.Net;
using System.Text;
using ArticleQa.Evaluation;

namespace ArticleBot.Cli;

/// <summary>
/// The self-contained HTML report of an <c>eval</c> run: a summary table, a bar chart of the figures (inline SVG), and
/// a row per question (answer with citations, gold answer, pass/fail per metric, condensed query, latency), failing rows first.
/// </summary>
internal static class EvalHtmlReport
{
    public static string Render(EvalReport report, string title)
    {
        var figures = Figures(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
            .Append("td,th{border:1px solid #ccc;padding:.35rem .6rem;vertical-align:top;text-align:left}th{background:#f3f3f3}")
            .Append(".fail{background:#fff1f0}.pass{background:#f3fff0}.ok{color:#1a7f37;font-weight:600}.no{color:#c62828;font-weight:600}")
            .Append("small{color:#666}.num{text-align:right;font-variant-numeric:tabular-nums}</style></head><body>")
            .Append("<h1>").Append(E(title)).Append("</h1>");
        AppendSummary(html, figures, report);
        html.Append(BarChart(figures));
        if (report.Answers is { } answers)
        {
            html.Append(AbstentionChart.Render(AbstentionCurve.Compute(answers.Results)));
            AppendRows(html, answers);
        }

        return html.Append("</body></html>").ToString();
    }

    internal static List<(string Name, double? Value)> Figures(EvalReport report)
    {
        var r = report.Retrieval;
        var figures = new List<(string, double?)> { ("recall@1", r.RecallAt1), ("recall@5", r.RecallAt5), ("recall@10", r.RecallAt10), ("MRR@10", r.MrrAt10) };
        if (report.Answers is { } a)
        {
            figures.AddRange([("answer accuracy", a.AnswerAccuracy), ("token F1", a.MeanF1), ("citation accuracy", a.CitationAccuracy), ("abstention precision", a.AbstentionPrecision), ("abstention recall", a.AbstentionRecall)]);
        }

        return figures;
    }

    private static void AppendSummary(StringBuilder html, List<(string Name, double? Value)> figures, EvalReport report)
    {
        html.Append("<table><tr><th>Figure</th><th>Value</th></tr>");
        foreach (var (name, value) in figures)
        {
            html.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"num\">").Append(value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a").Append("</td></tr>");
        }

        if (report.Answers is { } a)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>questions</td><td class=\"num\">{a.Questions} ({a.Answerable} answerable, {a.Unanswerable} not)</td></tr>")
                .Append(CultureInfo.InvariantCulture, $"<tr><td>latency p50 / p95</td><td class=\"num\">{a.LatencyP50Ms:0} / {a.LatencyP95Ms:0} ms</td></tr>")
                .Append("<tr><td>prompt hash</td><td>").Append(E(string.Join(", ", a.PromptHashes))).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static string BarChart(List<(string Name, double? Value)> figures)
    {
        const int barHeight = 22, labelWidth = 170, width = 420;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"Figures\" width=\"{labelWidth + width + 60}\" height=\"{(figures.Count * (barHeight + 6)) + 10}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < figures.Count; i++)
        {
            var (name, value) = figures[i];
            var y = 5 + (i * (barHeight + 6));
            var length = (int)Math.Round((value ?? 0) * width);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">{E(name)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"#eee\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{length}\" height=\"{barHeight}\" fill=\"#265cc4\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"13\">{value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static void AppendRows(StringBuilder html, AnswerEvaluation answers)
    {
        html.Append("<h2>Questions</h2><table><tr><th>Question</th><th>Answer (with citations)</th><th>Gold</th><th>Answer</th><th>Citation</th><th>F1</th><th>Condensed query</th><th>Latency</th></tr>");
        foreach (var r in answers.Results.OrderBy(r => r.Passed).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            html.Append("<tr class=\"").Append(r.Passed ? "pass" : "fail").Append("\"><td>").Append(E(r.Question)).Append("<br><small>").Append(E(r.Id)).Append("</small></td><td>")
                .Append(E(r.Answer));
            for (var i = 0; i < r.CitedPassages.Count; i++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<br><small>[{i + 1}] {E(Shorten(r.CitedPassages[i]))}</small>");
            }

            html.Append("</td><td>").Append(r.Answerable ? E(string.Join(" | ", r.GoldAnswers)) : "<i>not covered</i>").Append("</td>")
                .Append(Mark(r.Answerable ? r.AnswerCorrect : r.Abstained, r.Scored)).Append(Mark(!r.Answerable || r.CitationCorrect, r.Scored))
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{r.F1:0.00}</td><td>{E(r.CondensedQuery ?? "")}</td><td class=\"num\">{r.LatencyMs:0} ms</td></tr>");
        }

        html.Append("</table>");
    }

    private static string Mark(bool ok, bool scored) => !scored ? "<td>review</td>" : ok ? "<td class=\"ok\">pass</td>" : "<td class=\"no\">fail</td>";

    private static string Shorten(string text) => text.Length <= 220 ? text : text[..220] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
