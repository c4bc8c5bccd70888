using System.CommandLine;
using System.Globalization;

namespace ArticleBot.Cli;

/// <summary>
/// <c>eval</c>'s floors for CI (<c>--min-accuracy</c>, <c>--min-citation-accuracy</c>, <c>--min-recall5</c>): exit 1
/// when a figure is below. A floor that is not a number from 0 to 1 fails at parse time, before the (possibly long,
/// possibly paid) evaluation runs.
/// </summary>
internal sealed class Floors
{
    private readonly Option<double?> _accuracy = VerbOptions.Fraction("--min-accuracy", "Exit 1 if answer accuracy is below X (0 to 1).");
    private readonly Option<double?> _citationAccuracy = VerbOptions.Fraction("--min-citation-accuracy", "Exit 1 if citation accuracy is below X (0 to 1).");
    private readonly Option<double?> _recall5 = VerbOptions.Fraction("--min-recall5", "Exit 1 if recall@5 is below X (0 to 1).");

    public IReadOnlyList<Option<double?>> Options => [_accuracy, _citationAccuracy, _recall5];

    public int Check(ParseResult parse, EvalReport report, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(report);
        var failed = false;
        Check(_accuracy, report.Answers?.AnswerAccuracy);
        Check(_citationAccuracy, report.Answers?.CitationAccuracy);
        Check(_recall5, report.Retrieval.RecallAt5);
        return failed ? 1 : 0;

        void Check(Option<double?> option, double? figure)
        {
            if (parse.GetValue(option) is not { } floor)
            {
                return;
            }

            if (figure is null || figure < floor)
            {
                errors.WriteLine($"check failed: {option.Name} {floor.ToString(CultureInfo.InvariantCulture)}, got {figure?.ToString("0.000", CultureInfo.InvariantCulture) ?? "nothing (answers were not evaluated)"}");
                failed = true;
            }
        }
    }
}
