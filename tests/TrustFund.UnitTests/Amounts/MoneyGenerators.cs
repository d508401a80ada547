using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;

namespace TrustFund.UnitTests.Amounts;

/// <summary>Generators for property tests: any registry currency, amounts up to the maximum, split weights.</summary>
internal static class MoneyGenerators
{
    public static Gen<Currency> AnyCurrency { get; } = Gen.Elements<Currency>([.. Currency.All]);

    /// <summary>Any valid amount, from a few minor units up to <see cref="Money.MaxAmount"/> itself, both signs.</summary>
    public static Gen<Money> AnyMoney { get; } =
        from currency in AnyCurrency
        from units in MinorUnitCount(MaxUnits(currency))
        from negative in Gen.Elements(false, true)
        select Money.Of((negative ? -units : units) / PowerOfTen(currency.MinorUnits), currency);

    /// <summary>1 to 20 non-negative weights, at least one positive: zeros, integers, fractions, thirds, huge values.</summary>
    public static Gen<decimal[]> Weights { get; } =
        Gen.Choose(1, 20)
            .SelectMany(count => Gen.ArrayOf(Weight, count))
            .Where(weights => weights.Any(w => w > 0m));

    /// <summary>Any decimal with up to 28 significant places and up to 6 decimals, both signs.</summary>
    public static Gen<decimal> AnyDecimal { get; } =
        from units in MinorUnitCount(99_999_999_999_999_999)
        from scale in Gen.Choose(0, 6)
        from negative in Gen.Elements(false, true)
        select (negative ? -units : units) / PowerOfTen(scale);

    private static Gen<decimal> Weight { get; } = Gen.Frequency(
        (3, Gen.Constant(0m)),
        (4, Gen.Choose(1, 100).Select(w => (decimal)w)),
        (2, Gen.Choose(1, 1_000_000).Select(w => w / 1000m)),
        (1, Gen.Choose(1, 100).Select(w => w / 3m)),
        (1, Gen.Choose(1, int.MaxValue).Select(w => w * 1_000_000_000_000m)));

    public static decimal PowerOfTen(int exponent) =>
        Enumerable.Repeat(10m, exponent).Aggregate(1m, (product, ten) => product * ten);

    private static decimal MaxUnits(Currency currency) => Money.MaxAmount * PowerOfTen(currency.MinorUnits);

    // Mixes tiny counts (where one leftover unit matters most) with counts anywhere up to the maximum.
    private static Gen<decimal> MinorUnitCount(decimal max) => Gen.Frequency(
        (2, Gen.Choose(0, 10).Select(n => (decimal)n)),
        (2, Gen.Choose(0, 100_000).Select(n => (decimal)n)),
        (1, Gen.Constant(max)),
        (5, from high in Gen.Choose(0, 99_999_999)
            from middle in Gen.Choose(0, 99_999_999)
            from low in Gen.Choose(0, 99_999)
            select ((high * 100_000_000m * 100_000m) + (middle * 100_000m) + low) % (max + 1m)));
}
