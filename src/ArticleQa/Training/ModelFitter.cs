using ArticleQa.Answering.Learning;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace ArticleQa.Training;

/// <summary>
/// Fits the FastTree binary models with ML.NET on one thread with a fixed seed (so a run is reproducible): the
/// answer-sentence scorer on candidate rows, and the abstention models on question rows built from out-of-fold scorer
/// output (three folds by article), so they learn from probabilities like those they will see on unseen questions.
/// </summary>
internal sealed class ModelFitter(int seed = 1, int trees = 300, int leaves = 32)
{
    private const int Folds = 3;

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["scorer"] = "FastTreeBinary (Platt-calibrated): P(sentence answers)",
        ["abstention"] = "FastTreeBinary (Platt-calibrated), half the trees and leaves: P(best sentence answers)",
        ["topicAbstention"] = "the same, fitted on the broad questions about a name only",
        ["numberOfTrees"] = trees.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["numberOfLeaves"] = leaves.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["minimumExampleCountPerLeaf"] = "20",
        ["learningRate"] = "0.1",
        ["numberOfThreads"] = "1",
        ["seed"] = seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["abstentionFolds"] = Folds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public ITransformer FitScorer(IReadOnlyList<TrainingExample> examples)
    {
        SquadSplit.RefuseReserved(examples.Select(e => e.Title).Distinct());
        return Fit(examples.SelectMany(e => e.Sentences.Select((row, i) => new FeatureRow { Features = row, Label = e.Labels[i] })), SentenceFeatures.Names.Length, trees, leaves);
    }

    /// <summary>The abstention model, from scorer output the scorer did not see in training (folds by article).</summary>
    public ITransformer FitAbstention(IReadOnlyList<TrainingExample> examples) =>
        Fit(OutOfFoldRows(examples).Select(r => r.Row), QuestionFeatures.Names.Length, trees / 2, leaves / 2);

    /// <summary>
    /// Two abstention models from the same out-of-fold question rows: one from all of them (as
    /// <see cref="FitAbstention"/>), and one from those of the examples <paramref name="topic"/> picks only.
    /// </summary>
    public (ITransformer All, ITransformer Topic) FitAbstentions(IReadOnlyList<TrainingExample> examples, Func<TrainingExample, bool> topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var rows = OutOfFoldRows(examples);
        return (
            Fit(rows.Select(r => r.Row), QuestionFeatures.Names.Length, trees / 2, leaves / 2),
            Fit(rows.Where(r => topic(r.Example)).Select(r => r.Row), QuestionFeatures.Names.Length, trees / 2, leaves / 2));
    }

    /// <summary>Each example's question row from a scorer fitted without its article (three folds by article), in fold order.</summary>
    private List<(TrainingExample Example, FeatureRow Row)> OutOfFoldRows(IReadOnlyList<TrainingExample> examples)
    {
        SquadSplit.RefuseReserved(examples.Select(e => e.Title).Distinct());
        var titles = examples.Select(e => e.Title).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = new List<(TrainingExample, FeatureRow)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var held = titles.Where((_, i) => i % Folds == fold).ToHashSet(StringComparer.Ordinal);
            var scorer = FitScorer(examples.Where(e => !held.Contains(e.Title)).ToList());
            var heldOut = examples.Where(e => held.Contains(e.Title)).ToList();
            rows.AddRange(heldOut.Zip(ScoreSentences(scorer, heldOut), (e, p) => (e, QuestionRow(e, p))));
        }

        return rows;
    }

    /// <summary>The scorer's probabilities for every candidate of every example, in one batch.</summary>
    public float[][] ScoreSentences(ITransformer scorer, IReadOnlyList<TrainingExample> examples)
    {
        var flat = Predict(scorer, examples.SelectMany(e => e.Sentences), SentenceFeatures.Names.Length);
        var result = new float[examples.Count][];
        var at = 0;
        for (var e = 0; e < examples.Count; e++)
        {
            result[e] = flat[at..(at + examples[e].Sentences.Length)];
            at += examples[e].Sentences.Length;
        }

        return result;
    }

    /// <summary>The calibrated probability of each row.</summary>
    public float[] Predict(ITransformer model, IEnumerable<float[]> rows, int featureCount)
    {
        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(rows.Select(r => new FeatureRow { Features = r }), LearnedModel.Schema(featureCount));
        return context.Data.CreateEnumerable<ScoreRow>(model.Transform(data), reuseRowObject: false).Select(r => r.Probability).ToArray();
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="zipPath"/> with the input schema it was trained on.</summary>
    public void Save(ITransformer model, int featureCount, string zipPath)
    {
        var context = new MLContext(seed);
        var schema = context.Data.LoadFromEnumerable(Array.Empty<FeatureRow>(), LearnedModel.Schema(featureCount)).Schema;
        context.Model.Save(model, schema, zipPath);
    }

    /// <summary>A question row: its abstention features, labelled true when the scorer's best candidate answers it.</summary>
    public static FeatureRow QuestionRow(TrainingExample example, float[] probabilities)
    {
        var best = Best(probabilities);
        return new FeatureRow
        {
            Features = QuestionFeatures.Combine(example.Facts, example.Sentences, probabilities),
            Label = example.Answerable && best >= 0 && example.Labels[best],
        };
    }

    /// <summary>Index of the highest probability (the earliest on ties), -1 when there is none.</summary>
    public static int Best(float[] probabilities)
    {
        var best = probabilities.Length > 0 ? 0 : -1;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        return best;
    }

    private ITransformer Fit(IEnumerable<FeatureRow> rows, int featureCount, int treeCount, int leafCount)
    {
        var context = new MLContext(seed);
        var data = context.Data.LoadFromEnumerable(rows, LearnedModel.Schema(featureCount));
        var trainer = context.BinaryClassification.Trainers.FastTree(TreeSettings(new FastTreeBinaryTrainer.Options
        {
            FeatureColumnName = nameof(FeatureRow.Features),
            LabelColumnName = nameof(FeatureRow.Label),
        }, treeCount, Math.Max(2, leafCount), seed));
        return trainer.Fit(data);
    }

    /// <summary>The settings every learned model shares (the cards list them): one thread and a fixed seed, so a run is reproducible.</summary>
    internal static T TreeSettings<T>(T options, int trees, int leaves, int seed)
        where T : BoostedTreeOptions
    {
        options.NumberOfTrees = trees;
        options.NumberOfLeaves = leaves;
        options.MinimumExampleCountPerLeaf = 20;
        options.LearningRate = 0.1;
        options.NumberOfThreads = 1;
        options.Seed = seed;
        return options;
    }
}
