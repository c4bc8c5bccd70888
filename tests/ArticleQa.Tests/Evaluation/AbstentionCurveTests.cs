using ArticleQa.Evaluation;

namespace ArticleQa.Tests.Evaluation;

public sealed class AbstentionCurveTests
{
    private static QuestionAnswerResult Result(bool answerable, double? confidence, bool correct = false) =>
        new("q", "question", null, "answer", [], [], answerable, Abstained: false, correct, 0, correct, Failed: false, 1, null, Confidence: confidence);

    [Fact]
    public void Compute_NoConfidence_IsEmpty()
    {
        Assert.Empty(AbstentionCurve.Compute([Result(true, null), Result(false, null)]));
    }

    [Theory]
    [InlineData(0.25, null, 0.0, 1.0)]
    [InlineData(0.50, 1.0, 1.0, 1.0)]
    [InlineData(0.75, 2.0 / 3, 1.0, 0.5)]
    public void Compute_Confidences_AbstainsBelowEachThreshold(double threshold, double? precision, double recall, double accuracy)
    {
        QuestionAnswerResult[] results = [Result(true, 0.9, correct: true), Result(true, 0.6, correct: true), Result(false, 0.4), Result(false, 0.3)];

        var point = Assert.Single(AbstentionCurve.Compute(results, steps: 3), p => Math.Abs(p.Threshold - threshold) < 1e-9);

        Assert.Equal(precision, point.Precision);
        Assert.Equal(recall, point.Recall!.Value, 6);
        Assert.Equal(accuracy, point.AnswerAccuracy, 6);
    }
}
