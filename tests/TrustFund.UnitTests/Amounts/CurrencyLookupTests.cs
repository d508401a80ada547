using TrustFund.Contracts.Amounts;

namespace TrustFund.UnitTests.Amounts;

public class CurrencyLookupTests
{
    [Theory]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("XOF", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("UYW", 4)]
    [InlineData("XDR", 2)]
    public void Known_code_is_found_with_its_minor_units(string code, int minorUnits)
    {
        Assert.True(Currency.TryFromCode(code, out var currency));
        Assert.Equal(code, currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(currency, Currency.FromCode(code));
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("usd")]
    [InlineData("Usd")]
    [InlineData(" USD")]
    [InlineData("US")]
    [InlineData("")]
    [InlineData("HRK")]
    [InlineData("XAU")]
    public void Unknown_or_not_upper_case_code_is_not_found(string code)
    {
        Assert.False(Currency.TryFromCode(code, out _));
        var error = Assert.Throws<ArgumentException>(() => Currency.FromCode(code));
        Assert.Contains("ISO 4217", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_code_is_not_found()
    {
        Assert.False(Currency.TryFromCode(null, out _));
        Assert.Throws<ArgumentException>(() => Currency.FromCode(null!));
    }

    [Fact]
    public void Registry_holds_the_common_currencies_once_each_with_upper_case_codes()
    {
        var codes = Currency.All.Select(c => c.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^[A-Z]{3}$", code));
        Assert.All(
            ["USD", "EUR", "GBP", "CHF", "CNY", "CAD", "AUD", "KES", "TZS", "UGX", "RWF", "BIF", "CDF", "ZAR", "INR", "BRL", "XAF"],
            code => Assert.Contains(code, codes));
        Assert.All(Currency.All, c => Assert.InRange(c.MinorUnits, 0, 4));
    }

    [Fact]
    public void Well_known_currencies_are_the_registry_entries()
    {
        Assert.Equal(Currency.FromCode("USD"), Currency.USD);
        Assert.Equal(0, Currency.JPY.MinorUnits);
        Assert.Equal("EUR", Currency.EUR.ToString());
    }
}
