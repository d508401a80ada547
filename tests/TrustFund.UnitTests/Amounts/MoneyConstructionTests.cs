using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;

namespace TrustFund.UnitTests.Amounts;

public class MoneyConstructionTests
{
    [Fact]
    public void Amount_with_more_decimals_than_currency_allows_is_rejected()
    {
        var error = Assert.Throws<MoneyException>(() => Money.Of(10.001m, Currency.USD));
        Assert.Equal(MoneyRule.Scale, error.Rule);
        Assert.Contains("10.001 USD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fractional_yen_is_rejected()
    {
        var error = Assert.Throws<MoneyException>(() => Money.Of(1.5m, Currency.JPY));
        Assert.Equal(MoneyRule.Scale, error.Rule);
    }

    [Fact]
    public void Trailing_zeros_beyond_minor_units_are_accepted_because_the_value_fits()
    {
        Assert.Equal(10.10m, Money.Of(10.100m, Currency.USD).Amount);
        Assert.Equal(1m, Money.Of(1.000m, Currency.JPY).Amount);
    }

    [Fact]
    public void Amount_is_normalised_to_exactly_the_minor_units()
    {
        Assert.Equal("10.10", Money.Of(10.1m, Currency.USD).Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, Money.Of(10.100m, Currency.USD).Amount.Scale);
        Assert.Equal(3, Money.Of(5m, Currency.BHD).Amount.Scale);
        Assert.Equal(0, Money.Of(5.00m, Currency.JPY).Amount.Scale);
    }

    [Fact]
    public void Amounts_equal_in_value_are_equal_money_whatever_their_decimal_scale()
    {
        var a = Money.Of(10.1m, Currency.USD);
        var b = Money.Of(10.100m, Currency.USD);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(Money.Of(10.1m, Currency.EUR), a);
    }

    [Fact]
    public void Amount_at_the_maximum_is_accepted_in_both_signs()
    {
        Assert.Equal(Money.MaxAmount, Money.Of(Money.MaxAmount, Currency.USD).Amount);
        Assert.Equal(-Money.MaxAmount, Money.Of(-Money.MaxAmount, Currency.FromCode("CLF")).Amount);
    }

    [Theory]
    [InlineData("1000000000000.01")]
    [InlineData("-1000000000000.01")]
    [InlineData("5000000000000")]
    public void Amount_beyond_the_maximum_is_rejected(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        var error = Assert.Throws<MoneyException>(() => Money.Of(value, Currency.USD));
        Assert.Equal(MoneyRule.Range, error.Rule);
    }

    [Fact]
    public void Decimal_max_value_is_rejected_as_out_of_range()
    {
        var error = Assert.Throws<MoneyException>(() => Money.Of(decimal.MaxValue, Currency.USD));
        Assert.Equal(MoneyRule.Range, error.Rule);
    }

    [Fact]
    public void TryOf_reports_the_broken_rule_instead_of_throwing()
    {
        Assert.False(Money.TryOf(0.001m, Currency.USD, out _, out var scaleRule));
        Assert.Equal(MoneyRule.Scale, scaleRule);
        Assert.False(Money.TryOf(2e12m, Currency.USD, out _, out var rangeRule));
        Assert.Equal(MoneyRule.Range, rangeRule);
        Assert.True(Money.TryOf(0.01m, Currency.USD, out var money, out var noRule));
        Assert.Null(noRule);
        Assert.Equal(0.01m, money.Amount);
    }

    [Fact]
    public void Null_currency_is_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => Money.Of(1m, null!));
    }

    [Theory]
    [InlineData(1234.5, "USD", "1234.50 USD")]
    [InlineData(-0.5, "EUR", "-0.50 EUR")]
    [InlineData(1234, "JPY", "1234 JPY")]
    [InlineData(1.5, "BHD", "1.500 BHD")]
    [InlineData(0, "CLF", "0.0000 CLF")]
    public void ToString_is_invariant_with_exactly_the_minor_units(double amount, string code, string expected)
    {
        Assert.Equal(expected, Money.Of((decimal)amount, Currency.FromCode(code)).ToString());
    }

    [Fact]
    public void Zero_is_zero_in_its_currency()
    {
        var zero = Money.Zero(Currency.BHD);
        Assert.True(zero.IsZero);
        Assert.False(zero.IsPositive);
        Assert.False(zero.IsNegative);
        Assert.Equal("0.000 BHD", zero.ToString());
        Assert.Equal("0.00 USD", Money.Zero(Currency.USD).Negate().ToString());
    }

    [Fact]
    public void Amount_with_a_digit_below_the_minor_unit_is_never_accepted()
    {
        var tooPrecise =
            from money in MoneyGenerators.AnyMoney
            from digit in Gen.Choose(1, 9)
            from extraPlaces in Gen.Choose(1, 10)
            let currency = money.Currency
            let nudge = digit / MoneyGenerators.PowerOfTen(currency.MinorUnits + extraPlaces)
            select (Amount: money.IsPositive ? money.Amount - nudge : money.Amount + nudge, Currency: currency);
        Prop.ForAll(tooPrecise.ToArbitrary(), ((decimal Amount, Currency Currency) c) =>
        {
            Assert.False(Money.TryOf(c.Amount, c.Currency, out _, out var rule));
            Assert.Equal(MoneyRule.Scale, rule);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Money_Of_accepts_exactly_the_values_that_fit_the_currency_and_range()
    {
        var cases = Gen.Zip(MoneyGenerators.AnyDecimal, MoneyGenerators.AnyCurrency).ToArbitrary();
        Prop.ForAll(cases, ((decimal Value, Currency Currency) c) =>
        {
            var fits = decimal.Round(c.Value, c.Currency.MinorUnits) == c.Value && Math.Abs(c.Value) <= Money.MaxAmount;
            Assert.Equal(fits, Money.TryOf(c.Value, c.Currency, out var money, out _));
            if (fits)
            {
                Assert.Equal(c.Value, money.Amount);
                Assert.Equal(c.Currency.MinorUnits, money.Amount.Scale);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("80000.0000", "EUR", "80000.00")]
    [InlineData("12.5000", "USD", "12.50")]
    [InlineData("7.0000", "JPY", "7")]
    [InlineData("1.2340", "BHD", "1.234")]
    public void Stored_amounts_are_normalised_to_the_currency_decimals(string stored, string currency, string expected)
    {
        var normalised = Money.Normalise(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), currency);

        Assert.Equal(expected, normalised.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Normalising_refuses_an_amount_with_more_decimals_than_the_currency_allows() =>
        Assert.Throws<MoneyException>(() => Money.Normalise(1.005m, "USD"));
}
