using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;
using TrustFund.Earmarking.Pools;

namespace TrustFund.UnitTests.Earmarking;

public sealed class FeesTests
{
    private static readonly Currency Usd = Currency.FromCode("USD");

    [Theory]
    [InlineData("1000.00", "0.01", "10.00", "990.00")]
    [InlineData("0.50", "0.01", "0.01", "0.49")]    // 0.005 rounds half away from zero
    [InlineData("0.49", "0.01", "0.00", "0.49")]
    [InlineData("123.45", "0", "0.00", "123.45")]
    [InlineData("99.99", "0.2", "20.00", "79.99")]  // 19.998
    public void Fee_is_rounded_once_and_net_is_the_rest(string amount, string rate, string fee, string net)
    {
        var (f, n) = Fees.Split(Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Usd),
            decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(fee, f.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(net, n.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Fee_respects_a_currency_without_minor_units()
    {
        var (fee, net) = Fees.Split(Money.Of(1050m, Currency.FromCode("JPY")), 0.01m);

        Assert.Equal(11m, fee.Amount); // 10.5 → 11
        Assert.Equal(1039m, net.Amount);
    }

    [Fact]
    public void Property_fee_plus_net_is_the_amount_and_neither_is_negative() =>
        Prop.ForAll(Gen.Choose(1, int.MaxValue).ToArbitrary(), Gen.Choose(0, 200_000).ToArbitrary(), (cents, millionths) =>
        {
            var amount = Money.Of(cents / 100m, Usd);
            var (fee, net) = Fees.Split(amount, millionths / 1_000_000m);
            return fee + net == amount && !fee.IsNegative && !net.IsNegative && Math.Abs(fee.Amount - amount.Amount * millionths / 1_000_000m) <= 0.005m;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void A_rate_above_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Fees.Split(Money.Of(1m, Usd), 1.01m));
}
