using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;

namespace TrustFund.UnitTests.Amounts;

public class RoundingTests
{
    [Theory]
    [InlineData("2.345", "USD", "2.35")]
    [InlineData("-2.345", "USD", "-2.35")]
    [InlineData("2.344999", "USD", "2.34")]
    [InlineData("2.355", "USD", "2.36")]
    [InlineData("0.5", "JPY", "1")]
    [InlineData("-0.5", "JPY", "-1")]
    [InlineData("1.5", "JPY", "2")]
    [InlineData("2.5", "JPY", "3")]
    [InlineData("1.0005", "BHD", "1.001")]
    [InlineData("0.00005", "CLF", "0.0001")]
    public void Midpoints_round_away_from_zero(string value, string code, string expected)
    {
        var currency = Currency.FromCode(code);
        Assert.Equal(Parse(expected), Rounding.Round(Parse(value), currency));
    }

    [Fact]
    public void ToMoney_rounds_then_builds_the_money()
    {
        var fee = Rounding.ToMoney(1234.55m * 0.01m, Currency.USD);
        Assert.Equal("12.35 USD", fee.ToString());
        Assert.Equal("1 JPY", Rounding.ToMoney(0.5m, Currency.JPY).ToString());
    }

    [Fact]
    public void ToMoney_beyond_the_maximum_is_rejected_as_out_of_range()
    {
        var error = Assert.Throws<MoneyException>(() => Rounding.ToMoney(Money.MaxAmount + 0.005m, Currency.USD));
        Assert.Equal(MoneyRule.Range, error.Rule);
    }

    [Fact]
    public void Rounded_value_fits_the_currency_and_is_within_half_a_minor_unit()
    {
        var cases = Gen.Zip(MoneyGenerators.AnyDecimal, MoneyGenerators.AnyCurrency).ToArbitrary();
        Prop.ForAll(cases, ((decimal Value, Currency Currency) c) =>
        {
            var rounded = Rounding.Round(c.Value, c.Currency);
            var halfUnit = 0.5m / MoneyGenerators.PowerOfTen(c.Currency.MinorUnits);
            Assert.Equal(rounded, decimal.Round(rounded, c.Currency.MinorUnits));
            Assert.True(Math.Abs(rounded - c.Value) <= halfUnit, $"{c.Value} rounded to {rounded} in {c.Currency}");
        }).QuickCheckThrowOnFailure();
    }

    private static decimal Parse(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
