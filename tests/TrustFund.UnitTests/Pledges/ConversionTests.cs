using FsCheck;
using FsCheck.Fluent;
using TrustFund.Contracts.Amounts;
using TrustFund.Pledges.Rates;

namespace TrustFund.UnitTests.Pledges;

public sealed class ConversionTests
{
    private static readonly Currency Eur = Currency.FromCode("EUR");
    private static readonly Currency Usd = Currency.FromCode("USD");
    private static readonly Currency Jpy = Currency.FromCode("JPY");

    [Theory]
    [InlineData("450.55", "1.08345", "488.15")]   // 488.1483975
    [InlineData("0.01", "0.5", "0.01")]           // 0.005: half away from zero
    [InlineData("100.00", "1.1", "110.00")]
    public void Euros_convert_to_dollars_rounded_once(string amount, string rate, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Conversion.ToBase(Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Eur),
                decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), Usd).Amount);

    [Fact]
    public void Conversion_into_a_currency_without_minor_units_rounds_to_whole_units() =>
        Assert.Equal(16_252m, Conversion.ToBase(Money.Of(100.01m, Eur), 162.5m, Jpy).Amount); // 16251.625

    [Fact]
    public void The_base_currency_itself_is_never_converted() =>
        Assert.Equal(Money.Of(12.34m, Usd), Conversion.ToBase(Money.Of(12.34m, Usd), 1.5m, Usd));

    [Fact]
    public void A_rate_of_zero_or_less_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Conversion.ToBase(Money.Of(1m, Eur), 0m, Usd));

    [Fact]
    public void Property_a_conversion_is_within_half_a_minor_unit_of_the_exact_product() =>
        Prop.ForAll(Gen.Choose(1, 10_000_000).ToArbitrary(), Gen.Choose(1, 5_000_000).ToArbitrary(), (cents, rateMillionths) =>
        {
            var amount = Money.Of(cents / 100m, Eur);
            var rate = rateMillionths / 1_000_000m;
            return Math.Abs(Conversion.ToBase(amount, rate, Usd).Amount - amount.Amount * rate) <= 0.005m;
        }).QuickCheckThrowOnFailure();
}
