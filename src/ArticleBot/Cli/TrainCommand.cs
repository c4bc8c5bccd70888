using System.CommandLine;
using System.Globalization;
using ArticleQa.Training;

namespace ArticleBot.Cli;

/// <summary>
/// <c>train --squad dev-v1.1.json --squad2 train-v2.0-8-articles.json --out DIR [--work DIR] [--wordnet DIR]</c>: rebuilds the Local
/// model's learned models (answer-sentence scorer, the two abstention models, cards) into DIR with a fixed seed, printing
/// progress and the dev-split figures. Extracted features are cached in the work folder (default: a folder under the
/// system's temp directory), so a second run only refits.
/// </summary>
internal sealed class TrainCommand : Verb
{
    public override Command Create(VerbContext context)
    {
        var command = new Command("train", "Rebuild the Local model's learned models from SQuAD files (fixed seed), printing progress and dev-split figures.");
        var squad = VerbOptions.Text("--squad", "FILE", "The SQuAD v1.1 dev file (dev-v1.1.json): articles and answerable questions.");
        var squad2 = VerbOptions.Text("--squad2", "FILE", "The SQuAD 2.0 file on some of the same articles (train-v2.0-8-articles.json): unanswerable questions.");
        var outFolder = VerbOptions.Text("--out", "DIR", "Where the model files and their cards are written.");
        var work = VerbOptions.Text("--work", "DIR", "Articles, index and extracted features, kept between runs (default: under the temp folder).");
        var wordnet = VerbOptions.Text("--wordnet", "DIR", $"A WordNet 3.0 database folder, for the dev figure on questions reworded with synonyms (Debian: apt-get install wordnet-base); 'none' leaves it out. The models do not depend on it (default: {DefaultWordNet} when it exists).");
        command.Add(squad);
        command.Add(squad2);
        command.Add(outFolder);
        command.Add(work);
        command.Add(wordnet);
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            Existing(parse.GetValue(squad), "--squad"),
            Existing(parse.GetValue(squad2), "--squad2"),
            parse.GetValue(outFolder) ?? throw new CommandLineException("train needs --out DIR (where the model files are written)."),
            parse.GetValue(work) ?? Path.Combine(Path.GetTempPath(), "articlebot-train"),
            WordNet(context, parse.GetValue(wordnet)),
            cancellationToken));
        return command;
    }

    private const string DefaultWordNet = "/usr/share/wordnet";

    private static async Task<int> RunAsync(VerbContext context, string squad, string squad2, string outFolder, string work, string? wordnet, CancellationToken cancellationToken)
    {
        TrainingResult result;
        try
        {
            result = await AnswerModelTrainer.TrainAsync(new TrainingOptions(squad, squad2, Path.GetFullPath(outFolder), Path.GetFullPath(work), wordnet), new LineProgress(context.Error), cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new CommandLineException(e.Message);
        }

        var output = context.Out;
        await output.WriteLineAsync("Dev split figures (articles of squad-split.json \"dev\"):");
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

    private static string? WordNet(VerbContext context, string? folder)
    {
        if (folder is null)
        {
            if (File.Exists(Path.Combine(DefaultWordNet, "index.noun")))
            {
                return DefaultWordNet;
            }

            context.Error.WriteLine($"No WordNet database in {DefaultWordNet}: the reworded-questions dev figure is left out (apt-get install wordnet-base, or --wordnet DIR); the models are the same.");
            return null;
        }

        return folder == "none" ? null
            : File.Exists(Path.Combine(folder, "index.noun")) ? Path.GetFullPath(folder)
            : throw new CommandLineException($"--wordnet: '{folder}' is not a WordNet 3.0 database folder (no index.noun). Install one (Debian: apt-get install wordnet-base) or pass --wordnet none.");
    }

    private static string Existing(string? path, string option) =>
        path is null ? throw new CommandLineException($"train needs {option} FILE.")
        : File.Exists(path) ? path
        : throw new CommandLineException($"{option}: file '{path}' does not exist.");

    /// <summary>Progress lines written as they come (Progress&lt;T&gt; would post them to the thread pool out of order).</summary>
    private sealed class LineProgress(TextWriter log) : IProgress<string>
    {
        public void Report(string value) => log.WriteLine($"{DateTime.Now:HH:mm:ss} {value}");
    }
}
