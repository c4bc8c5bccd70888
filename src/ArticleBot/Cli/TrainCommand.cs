using System.Globalization;
using ArticleQa.Training;

namespace ArticleBot.Cli;

/// <summary>
/// <c>train --squad dev-v1.1.json --squad2 train-v2.0-8-articles.json --out DIR [--work DIR]</c>: rebuilds the Local
/// model's learned models (answer-sentence scorer, abstention model, cards) into DIR with a fixed seed, printing
/// progress and the dev-split figures. Extracted features are cached in the work folder (default: a folder under the
/// system's temp directory), so a second run only refits.
/// </summary>
internal static class TrainCommand
{
    public static async Task<int> RunAsync(CommandLineArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("--squad", "--squad2", "--out", "--work");
        var squad = Existing(arguments, "--squad");
        var squad2 = Existing(arguments, "--squad2");
        var outFolder = arguments.Get("--out") ?? throw new CommandLineException("train needs --out DIR (where the model files are written).");
        var work = arguments.Get("--work") ?? Path.Combine(Path.GetTempPath(), "articlebot-train");
        TrainingResult result;
        try
        {
            result = await AnswerModelTrainer.TrainAsync(new TrainingOptions(squad, squad2, Path.GetFullPath(outFolder), Path.GetFullPath(work)), new SynchronousProgress(Console.Error), cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new CommandLineException(e.Message);
        }

        await output.WriteLineAsync($"Dev split figures (articles of squad-split.json \"dev\"):");
        foreach (var (name, value) in result.DevFigures)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name,-48} {value:0.####}"));
        }

        await output.WriteLineAsync("Abstention threshold -> answerable accuracy / unanswerable abstained / abstention precision (dev split):");
        foreach (var point in result.Curve)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {point.Threshold:0.00}  {point.Accuracy:0.000} / {point.AbstentionRecall:0.000} / {point.AbstentionPrecision:0.000}"));
        }

        return 0;
    }

    private static string Existing(CommandLineArguments arguments, string option)
    {
        var path = arguments.Get(option) ?? throw new CommandLineException($"train needs {option} FILE.");
        return File.Exists(path) ? path : throw new CommandLineException($"{option}: file '{path}' does not exist.");
    }

    /// <summary>Progress lines written as they come (Progress&lt;T&gt; would post them to the thread pool out of order).</summary>
    private sealed class SynchronousProgress(TextWriter log) : IProgress<string>
    {
        public void Report(string value) => log.WriteLine($"{DateTime.Now:HH:mm:ss} {value}");
    }
}
