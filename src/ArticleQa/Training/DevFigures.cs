namespace ArticleQa.Training;

/// <summary>
/// Figures of the learned Local model on a set of examples at one operating point, the way <c>eval</c> scores answers:
/// an answerable question passes when the model answers with a sentence holding a gold answer whose passage holds the
/// evidence; an unanswerable one when it abstains.
/// </summary>
internal static class DevFigures
{
    /// <summary>(answerable questions answered correctly, unanswerable abstained, abstention precision) at <paramref name="threshold"/>.</summary>
    public static (double Accuracy, double AbstentionRecall, double AbstentionPrecision) At(IReadOnlyList<TrainingExample> examples, float[][] probabilities, float[] confidence, double threshold)
    {
        int answerable = 0, correct = 0, unanswerable = 0, rightAbstentions = 0, abstentions = 0;
        for (var i = 0; i < examples.Count; i++)
        {
            var answered = confidence[i] >= threshold;
            abstentions += answered ? 0 : 1;
            if (examples[i].Answerable)
            {
                answerable++;
                var best = ModelFitter.Best(probabilities[i]);
                correct += answered && best >= 0 && examples[i].Labels[best] ? 1 : 0;
            }
            else
            {
                unanswerable++;
                rightAbstentions += answered ? 0 : 1;
            }
        }

        return (Share(correct, answerable), Share(rightAbstentions, unanswerable), Share(rightAbstentions, abstentions));
    }

    /// <summary>Answerable accuracy the operating point aims at (the SQuAD target).</summary>
    public const double AccuracyTarget = 0.80;

    /// <summary>Unanswerable abstention the operating point aims at (the SQuAD 2.0 target).</summary>
    public const double AbstentionTarget = 0.60;

    /// <summary>
    /// The threshold (0.01 steps) that comes nearest to both targets at once on the given (dev) examples: it
    /// maximises the smaller of accuracy / <see cref="AccuracyTarget"/> and abstention / <see cref="AbstentionTarget"/>.
    /// </summary>
    public static double ChooseOperatingPoint(IReadOnlyList<TrainingExample> examples, float[][] probabilities, float[] confidence) =>
        Enumerable.Range(1, 98).Select(i => i / 100.0)
            .Select(t => (Threshold: t, Figures: At(examples, probabilities, confidence, t)))
            .OrderByDescending(x => Math.Min(x.Figures.Accuracy / AccuracyTarget, x.Figures.AbstentionRecall / AbstentionTarget))
            .ThenBy(x => x.Threshold)
            .First().Threshold;

    /// <summary>Share of answerable examples whose highest-scored candidate answers them (no abstention).</summary>
    public static double TopOneAccuracy(IReadOnlyList<TrainingExample> examples, IReadOnlyList<int> picks) =>
        Share(examples.Where((e, i) => e.Answerable && picks[i] >= 0 && e.Labels[picks[i]]).Count(), examples.Count(e => e.Answerable));

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
