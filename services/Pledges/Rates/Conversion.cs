using TrustFund.Contracts.Amounts;

namespace TrustFund.Pledges.Rates;

/// <summary>The one conversion into a fund's base currency: amount × rate, rounded once to the base currency.</summary>
public static class Conversion
{
    public static Money ToBase(Money amount, decimal rate, Currency baseCurrency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        return amount.Currency == baseCurrency ? amount : Rounding.ToMoney(amount.Amount * rate, baseCurrency);
    }
}
