using System.Globalization;
using System.Text;
using ArticleQa.Evaluation;

namespace ArticleBot.Cli;

/// <summary>The eval report's abstention curve (inline SVG): precision and recall of abstaining below each confidence threshold.</summary>
internal static class AbstentionChart
{
    private const int Width = 420, Height = 220, Left = 40, Top = 10;

    public static string Render(IReadOnlyList<AbstentionPoint> curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0)
        {
            return "";
        }

        var svg = new StringBuilder()
            .Append("<h2>Abstention curve</h2><p><small>Abstaining when the Local model's confidence is below the threshold (x axis).</small></p>")
            .Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"Abstention precision and recall by threshold\" width=\"{Width + Left + 140}\" height=\"{Height + Top + 30}\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width}\" height=\"{Height}\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 30}\" y=\"{Y(tick) + 4:0}\" font-size=\"11\">{tick:0.0}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{X(tick) - 8:0}\" y=\"{Top + Height + 16}\" font-size=\"11\">{tick:0.0}</text>");
        }

        svg.Append(Line(curve.Select(p => (p.Threshold, p.Precision)), "#265cc4", "precision", 0))
            .Append(Line(curve.Select(p => (p.Threshold, p.Recall)), "#c62828", "recall", 1))
            .Append(Line(curve.Select(p => (p.Threshold, (double?)p.AnswerAccuracy)), "#1a7f37", "answer accuracy", 2));
        return svg.Append("</svg>").ToString();
    }

    private static string Line(IEnumerable<(double X, double? Y)> points, string color, string label, int row)
    {
        var coordinates = string.Join(' ', points.Where(p => p.Y is not null).Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.0},{Y(p.Y!.Value):0.0}")));
        return string.Create(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{coordinates}\"/>")
            + string.Create(CultureInfo.InvariantCulture, $"<text x=\"{Left + Width + 8}\" y=\"{Top + 16 + (row * 18)}\" font-size=\"12\" fill=\"{color}\">{label}</text>");
    }

    private static double X(double threshold) => Left + (threshold * Width);

    private static double Y(double value) => Top + ((1 - value) * Height);
}
