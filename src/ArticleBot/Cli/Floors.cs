using System.Globalization;

namespace ArticleBot.Cli;

/// <summary><c>eval</c>'s floors for CI (<c>--min-accuracy</c>, <c>--min-citation-accuracy</c>, <c>--min-recall5</c>): exit 1 when a figure is below.</summary>
internal static class Floors
{
    public static readonly string[] Options = ["--min-accuracy", "--min-citation-accuracy", "--min-recall5"];

    /// <summary>Fails on a floor that is not a number from 0 to 1 before the (possibly long, possibly paid) evaluation runs.</summary>
    public static void Validate(CommandLineArguments arguments)
    {
        foreach (var option in Options)
        {
            Read(arguments, option);
        }
    }

    public static int Check(CommandLineArguments arguments, EvalReport report, TextWriter errors)
    {
        var failed = false;
        Check("--min-accuracy", report.Answers?.AnswerAccuracy);
        Check("--min-citation-accuracy", report.Answers?.CitationAccuracy);
        Check("--min-recall5", report.Retrieval.RecallAt5);
        return failed ? 1 : 0;

        void Check(string option, double? figure)
        {
            if (Read(arguments, option) is not { } floor)
            {
                return;
            }

            if (figure is null || figure < floor)
            {
                errors.WriteLine($"check failed: {option} {floor.ToString(CultureInfo.InvariantCulture)}, got {figure?.ToString("0.000", CultureInfo.InvariantCulture) ?? "nothing (answers were not evaluated)"}");
                failed = true;
            }
        }
    }

    private static double? Read(CommandLineArguments arguments, string option)
    {
        if (arguments.Get(option) is not { } text)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var floor) && floor is >= 0 and <= 1
            ? floor
            : throw new CommandLineException($"Option {option} '{text}' is not a number from 0 to 1.");
    }
}
