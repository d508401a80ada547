using TrustFund.Contracts.Amounts;

namespace TrustFund.UnitTests.Amounts;

public class LargestRemainderSplitTests
{
    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    private static string[] Printed(IEnumerable<Money> parts) => [.. parts.Select(p => p.ToString())];

    [Fact]
    public void Hundred_split_three_ways_gives_the_leftover_cent_to_the_first_part()
    {
        var parts = LargestRemainder.Split(Usd(100m), [1m, 1m, 1m]);
        Assert.Equal(["33.34 USD", "33.33 USD", "33.33 USD"], Printed(parts));
    }

    [Fact]
    public void Leftover_units_go_to_the_largest_remainders_not_the_largest_weights()
    {
        // 100 cents in sixteenths: exact shares 6.25, 31.25 and 62.5 cents; the .5 remainder wins the leftover cent.
        var parts = LargestRemainder.Split(Usd(1m), [1m, 5m, 10m]);
        Assert.Equal(["0.06 USD", "0.31 USD", "0.63 USD"], Printed(parts));
    }

    [Fact]
    public void Zero_weight_parts_get_exactly_zero()
    {
        var parts = LargestRemainder.Split(Usd(0.05m), [0m, 1m, 0m, 1m, 0m]);
        Assert.Equal(["0.00 USD", "0.03 USD", "0.00 USD", "0.02 USD", "0.00 USD"], Printed(parts));
    }

    [Fact]
    public void Single_weight_takes_the_whole_total()
    {
        Assert.Equal([Usd(123.45m)], LargestRemainder.Split(Usd(123.45m), [0.3m]));
    }

    [Fact]
    public void Negative_total_is_split_like_its_absolute_value_then_negated()
    {
        var parts = LargestRemainder.Split(Usd(-100m), [1m, 1m, 1m]);
        Assert.Equal(["-33.34 USD", "-33.33 USD", "-33.33 USD"], Printed(parts));
    }

    [Fact]
    public void One_cent_split_three_ways_goes_to_the_first_part()
    {
        Assert.Equal(["0.01 USD", "0.00 USD", "0.00 USD"], Printed(LargestRemainder.SplitEvenly(Usd(0.01m), 3)));
    }

    [Fact]
    public void Yen_are_split_in_whole_yen()
    {
        var parts = LargestRemainder.Split(Money.Of(1000m, Currency.JPY), [1m, 2m, 4m]);
        Assert.Equal(["143 JPY", "286 JPY", "571 JPY"], Printed(parts));
    }

    [Fact]
    public void Zero_total_splits_into_zeros()
    {
        Assert.All(LargestRemainder.Split(Money.Zero(Currency.BHD), [1m, 2m]), p => Assert.True(p.IsZero));
    }

    [Fact]
    public void Fractional_weights_split_like_their_integer_multiples()
    {
        Assert.Equal(
            LargestRemainder.Split(Usd(10m), [1m, 2m, 3m]),
            LargestRemainder.Split(Usd(10m), [0.1m, 0.2m, 0.30m]));
    }

    [Fact]
    public void Maximum_amount_with_four_minor_units_and_huge_weights_splits_without_overflow()
    {
        var total = Money.Of(Money.MaxAmount, Currency.FromCode("CLF"));
        var parts = LargestRemainder.Split(total, [decimal.MaxValue, 1m / 3m, decimal.MaxValue / 7m]);
        Assert.Equal(total.Amount, parts.Sum(p => p.Amount));
    }

    [Fact]
    public void SplitEvenly_gives_equal_parts_with_larger_parts_first()
    {
        Assert.Equal(["3.34 USD", "3.33 USD", "3.33 USD"], Printed(LargestRemainder.SplitEvenly(Usd(10m), 3)));
        Assert.Equal(["2.50 USD", "2.50 USD", "2.50 USD", "2.50 USD"], Printed(LargestRemainder.SplitEvenly(Usd(10m), 4)));
    }

    [Theory]
    [InlineData(new double[0])]
    [InlineData(new double[] { 0, 0 })]
    [InlineData(new double[] { 1, -1, 3 })]
    public void Weights_that_are_empty_negative_or_all_zero_are_rejected(double[] weights)
    {
        Assert.Throws<ArgumentException>(() => LargestRemainder.Split(Usd(1m), [.. weights.Select(w => (decimal)w)]));
    }

    [Fact]
    public void Splitting_into_fewer_than_one_part_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LargestRemainder.SplitEvenly(Usd(1m), 0));
    }
}
