using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;

namespace TrustFund.UnitTests.Amounts;

public class LargestRemainderPropertyTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(1000);

    private static Arbitrary<(Money Total, decimal[] Weights)> Splits { get; } =
        Gen.Zip(MoneyGenerators.AnyMoney, MoneyGenerators.Weights).ToArbitrary();

    [Fact]
    public void Parts_always_sum_exactly_to_the_total()
    {
        Check.One(Many, Prop.ForAll(Splits, ((Money Total, decimal[] Weights) s) =>
        {
            var parts = LargestRemainder.Split(s.Total, s.Weights);
            Assert.Equal(s.Weights.Length, parts.Count);
            Assert.Equal(s.Total, parts.Aggregate(Money.Zero(s.Total.Currency), (sum, part) => sum + part));
        }));
    }

    [Fact]
    public void Every_part_fits_the_currency_and_has_its_sign()
    {
        Check.One(Many, Prop.ForAll(Splits, ((Money Total, decimal[] Weights) s) =>
        {
            foreach (var part in LargestRemainder.Split(s.Total, s.Weights))
            {
                Assert.Equal(s.Total.Currency, part.Currency);
                Assert.Equal(part.Amount, decimal.Round(part.Amount, s.Total.Currency.MinorUnits));
                Assert.False(s.Total.IsNegative ? part.IsPositive : part.IsNegative);
            }
        }));
    }

    [Fact]
    public void Every_part_is_within_one_minor_unit_of_its_exact_share()
    {
        Check.One(Many, Prop.ForAll(Splits, ((Money Total, decimal[] Weights) s) =>
        {
            // Exact rational arithmetic, independent of the implementation: weights as integers at a common scale.
            var scale = s.Weights.Max(w => w.Scale);
            var weights = s.Weights.Select(w => AsInteger(w, scale)).ToArray();
            var weightSum = weights.Aggregate(BigInteger.Zero, (sum, w) => sum + w);
            var totalUnits = AsInteger(s.Total.Amount, s.Total.Currency.MinorUnits);
            var parts = LargestRemainder.Split(s.Total, s.Weights);
            for (var i = 0; i < weights.Length; i++)
            {
                var partUnits = AsInteger(parts[i].Amount, s.Total.Currency.MinorUnits);
                var errorTimesWeightSum = BigInteger.Abs((partUnits * weightSum) - (totalUnits * weights[i]));
                Assert.True(errorTimesWeightSum < weightSum, $"part {i} = {parts[i]} is a unit or more off its share");
            }
        }));
    }

    [Fact]
    public void Zero_weight_parts_are_zero()
    {
        Check.One(Many, Prop.ForAll(Splits, ((Money Total, decimal[] Weights) s) =>
        {
            var parts = LargestRemainder.Split(s.Total, s.Weights);
            Assert.All(
                Enumerable.Range(0, s.Weights.Length).Where(i => s.Weights[i] == 0m),
                i => Assert.True(parts[i].IsZero));
        }));
    }

    [Fact]
    public void Same_input_gives_the_same_parts()
    {
        Check.One(Many, Prop.ForAll(Splits, ((Money Total, decimal[] Weights) s) =>
            Assert.Equal(
                LargestRemainder.Split(s.Total, s.Weights),
                LargestRemainder.Split(s.Total, [.. s.Weights]))));
    }

    [Fact]
    public void Splitting_the_negated_total_negates_every_part()
    {
        Check.One(Many, Prop.ForAll(Splits, ((Money Total, decimal[] Weights) s) =>
            Assert.Equal(
                LargestRemainder.Split(s.Total, s.Weights).Select(p => p.Negate()),
                LargestRemainder.Split(s.Total.Negate(), s.Weights))));
    }

    // value × 10^scale as an integer, going through text so the test does not share the implementation's arithmetic.
    private static BigInteger AsInteger(decimal value, int scale)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        var digits = text.Replace(".", string.Empty, StringComparison.Ordinal);
        Assert.True(decimals <= scale, $"{text} has more than {scale} decimals");
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) * BigInteger.Pow(10, scale - decimals);
    }
}
