using System.Numerics;

namespace TrustFund.Contracts.Amounts;

/// <summary>
/// The one routine that splits money into parts (fees, pro-rata attribution, instalments).
/// Largest-remainder method in whole minor units: every part gets the floor of its exact share,
/// and the units left over go one each to the parts with the largest remainders, ties to the
/// lower index. Parts always add up to the total, each is within one minor unit of its exact
/// share, and a zero weight always gets exactly zero.
/// </summary>
public static class LargestRemainder
{
    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, one part per weight, same order.</summary>
    /// <exception cref="ArgumentException">No weights, a negative weight, or no positive weight.</exception>
    public static IReadOnlyList<Money> Split(Money total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (total.Currency is null)
        {
            throw new ArgumentException("default(Money) has no currency and cannot be split.", nameof(total));
        }

        if (weights.Count == 0 || weights.Any(w => w < 0m) || !weights.Any(w => w > 0m))
        {
            throw new ArgumentException("Weights must be non-negative with at least one positive.", nameof(weights));
        }

        // Exact integer arithmetic throughout: weights are brought to a common scale, the total is a
        // count of minor units, and BigInteger cannot overflow (1e16 units times a 96-bit weight).
        var scaledWeights = ToCommonScale(weights);
        var weightSum = scaledWeights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
        var units = new BigInteger(Math.Abs(total.Amount) * PowerOfTen(total.Currency.MinorUnits));

        var shares = new BigInteger[scaledWeights.Length];
        var remainders = new BigInteger[scaledWeights.Length];
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = BigInteger.DivRem(units * scaledWeights[i], weightSum, out remainders[i]);
        }

        // Fewer leftover units than parts with a non-zero remainder, so zero weights never get one.
        var leftover = (int)(units - shares.Aggregate(BigInteger.Zero, (sum, s) => sum + s));
        var luckiest = Enumerable.Range(0, shares.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take(leftover);
        foreach (var i in luckiest)
        {
            shares[i] += 1;
        }

        var sign = total.IsNegative ? -1m : 1m;
        var unit = PowerOfTen(total.Currency.MinorUnits);
        return [.. shares.Select(s => Money.Of(sign * (decimal)s / unit, total.Currency))];
    }

    /// <summary>Splits <paramref name="total"/> into <paramref name="parts"/> parts as equal as minor units allow, larger parts first.</summary>
    public static IReadOnlyList<Money> SplitEvenly(Money total, int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        return Split(total, [.. Enumerable.Repeat(1m, parts)]);
    }

    private static BigInteger[] ToCommonScale(IReadOnlyList<decimal> weights)
    {
        var scale = weights.Max(w => w.Scale);
        return [.. weights.Select(w => Mantissa(w) * BigInteger.Pow(10, scale - w.Scale))];
    }

    private static BigInteger Mantissa(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
    }

    private static decimal PowerOfTen(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
