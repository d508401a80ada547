using TrustFund.Contracts.Amounts;

namespace TrustFund.UnitTests.Amounts;

public class MoneyArithmeticTests
{
    private static Money Usd(decimal amount) => Money.Of(amount, Currency.USD);

    [Fact]
    public void Adding_and_subtracting_in_one_currency_works_by_value()
    {
        Assert.Equal(Usd(12.35m), Usd(10.1m) + Usd(2.25m));
        Assert.Equal(Usd(-2.25m), Usd(10.10m) - Usd(12.35m));
        Assert.Equal("7.85 USD", (Usd(10.1m) - Usd(2.25m)).ToString());
    }

    [Fact]
    public void Combining_different_currencies_is_refused()
    {
        var eur = Money.Of(1m, Currency.EUR);
        Assert.Throws<InvalidOperationException>(() => Usd(1m) + eur);
        Assert.Throws<InvalidOperationException>(() => Usd(1m) - eur);
        Assert.Throws<InvalidOperationException>(() => Usd(1m) < eur);
        Assert.Throws<InvalidOperationException>(() => Usd(1m).CompareTo(eur));
    }

    [Fact]
    public void Sum_beyond_the_maximum_is_rejected_as_out_of_range()
    {
        var error = Assert.Throws<MoneyException>(() => Usd(Money.MaxAmount) + Usd(0.01m));
        Assert.Equal(MoneyRule.Range, error.Rule);
    }

    [Fact]
    public void Negation_flips_the_sign_and_keeps_the_currency()
    {
        var amount = Usd(3.5m);
        Assert.Equal(Usd(-3.5m), amount.Negate());
        Assert.Equal(amount, -(-amount));
        Assert.True(amount.IsPositive);
        Assert.True(amount.Negate().IsNegative);
        Assert.Equal("-3.50 USD", (-amount).ToString());
    }

    [Fact]
    public void Comparison_orders_amounts_of_one_currency()
    {
        Assert.True(Usd(1m) < Usd(1.01m));
        Assert.True(Usd(-1m) <= Usd(-1.00m));
        Assert.True(Usd(2m) > Usd(-3m));
        Assert.True(Usd(2m) >= Usd(2m));
        Assert.Equal(0, Usd(2m).CompareTo(Usd(2.000m)));
        Assert.Equal([Usd(-1m), Usd(0m), Usd(5m)], new[] { Usd(5m), Usd(-1m), Usd(0m) }.Order());
    }
}
