namespace ArticleQa.Evaluation;

/// <summary>
/// The exact two-sided sign test (McNemar's exact test) for two variants run on the same questions: of the questions
/// whose outcome changed, <c>better</c> went from fail to pass and <c>worse</c> from pass to fail. Its p-value is the
/// chance of a split at least that uneven if the two variants were equally good (each change equally likely to go
/// either way), so a small p says the difference is more than the luck of which questions were asked.
/// </summary>
public static class SignTest
{
    /// <summary>The two-sided p-value, in [0, 1]; 1 when nothing changed.</summary>
    public static double TwoSidedP(int better, int worse)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(better);
        ArgumentOutOfRangeException.ThrowIfNegative(worse);
        var n = better + worse;
        var k = Math.Min(better, worse);
        if (n == 0 || k * 2 == n)
        {
            return 1;
        }

        // P(X <= k) for X ~ Binomial(n, 1/2), summed in logs: 2^-n underflows a double beyond n = 1074.
        var logHalfPower = -n * Math.Log(2);
        var logChoose = 0.0;
        var tail = Math.Exp(logHalfPower);
        for (var i = 1; i <= k; i++)
        {
            logChoose += Math.Log(n - i + 1) - Math.Log(i);
            tail += Math.Exp(logChoose + logHalfPower);
        }

        return Math.Min(1, 2 * tail);
    }
}
