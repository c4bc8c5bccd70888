using ArticleQa.Evaluation;

namespace ArticleQa.Tests.Evaluation;

public sealed class SignTestTests
{
    [Theory]
    [InlineData(0, 0, 1.0)]
    [InlineData(3, 3, 1.0)]
    [InlineData(1, 0, 1.0)]
    [InlineData(5, 0, 0.0625)]         // 2 x (1/2)^5
    [InlineData(0, 6, 0.03125)]        // 2 x (1/2)^6, either direction
    [InlineData(10, 2, 0.03857421875)] // 2 x (1 + 12 + 66) / 4096
    [InlineData(4, 2, 0.6875)]         // 2 x (1 + 6 + 15) / 64
    public void TwoSidedP_SmallCounts_TheExactBinomialTail(int better, int worse, double expected)
    {
        Assert.Equal(expected, SignTest.TwoSidedP(better, worse), 1e-12);
    }

    [Fact]
    public void TwoSidedP_ThousandsOfChanges_StaysFiniteAndFollowsTheSplit()
    {
        // 2^-3000 is below the smallest double: the sum runs in logs.
        var even = SignTest.TwoSidedP(1500, 1500);
        var slight = SignTest.TwoSidedP(1540, 1460);
        var clear = SignTest.TwoSidedP(1700, 1300);

        Assert.Equal(1.0, even);
        Assert.InRange(slight, 0.1, 0.2);     // 40 of 3,000 from even: z = 1.46, two-sided 0.14
        Assert.InRange(clear, 0, 1e-9);
        Assert.False(double.IsNaN(clear));
    }

    [Fact]
    public void TwoSidedP_NegativeCount_ArgumentOutOfRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SignTest.TwoSidedP(-1, 3));

        Assert.Equal("better", error.ParamName);
    }
}
