namespace TrustFund.LoadRunner;

public static class Percentiles
{
    /// <summary>Nearest-rank percentile of an ascending list (p in 0..100).</summary>
    public static double Of(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
