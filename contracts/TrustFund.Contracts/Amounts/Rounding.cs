namespace TrustFund.Contracts.Amounts;

/// <summary>The one place where amounts are rounded to a currency's minor units.</summary>
public static class Rounding
{
    /// <summary>
    /// Rounds to the currency's minor units, halves away from zero (2.345 → 2.35, -2.345 → -2.35).
    /// Commercial rounding rather than .NET's default banker's rounding: it is what donors, banks and
    /// auditors compute by hand and in spreadsheets, so fees and conversions reconcile with their
    /// figures; any bias it has is absorbed because splits go through <see cref="LargestRemainder"/>.
    /// </summary>
    public static decimal Round(decimal value, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return decimal.Round(value, currency.MinorUnits, MidpointRounding.AwayFromZero);
    }

    /// <summary>Rounds, then builds the money: <c>Rounding.ToMoney(amount * rate, currency)</c>.</summary>
    /// <exception cref="MoneyException">The rounded value is beyond <see cref="Money.MaxAmount"/>.</exception>
    public static Money ToMoney(decimal value, Currency currency) => Money.Of(Round(value, currency), currency);
}
