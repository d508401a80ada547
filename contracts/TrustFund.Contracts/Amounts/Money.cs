using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TrustFund.Contracts.Amounts;

/// <summary>
/// An amount in a currency. Built only through <see cref="Of"/> / <see cref="TryOf"/>, so the amount
/// never carries more decimals than the currency allows and never exceeds <see cref="MaxAmount"/>.
/// The amount is stored with exactly <see cref="Currency.MinorUnits"/> decimals (10.1 USD is kept as
/// 10.10), so equal values print alike. <c>default(Money)</c> has no currency and is not a valid value.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>
    /// Largest absolute amount accepted, inclusive: one trillion units of any currency. Far above any
    /// trust fund, and with four decimals it stays within 17 digits, so it fits numeric(18,4) columns
    /// and a <see cref="long"/> count of minor units.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    private Money(decimal amount, Currency currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public Currency Currency { get; }

    public bool IsZero => Amount == 0m;

    public bool IsPositive => Amount > 0m;

    public bool IsNegative => Amount < 0m;

    /// <summary>Validates and builds an amount; nothing is rounded here (see <see cref="Rounding"/>).</summary>
    /// <exception cref="MoneyException">Rule <see cref="MoneyRule.Scale"/> or <see cref="MoneyRule.Range"/>.</exception>
    public static Money Of(decimal amount, Currency currency) =>
        TryOf(amount, currency, out var money, out var rule)
            ? money
            : throw new MoneyException(rule, Explain(rule, amount, currency));

    /// <summary>Validates an amount; on failure <paramref name="rule"/> is one of the <see cref="MoneyRule"/> names.</summary>
    public static bool TryOf(decimal amount, Currency currency, out Money money, [NotNullWhen(false)] out string? rule)
    {
        ArgumentNullException.ThrowIfNull(currency);
        money = default;
        if (Math.Abs(amount) > MaxAmount)
        {
            rule = MoneyRule.Range;
            return false;
        }

        // Judged by value, not by the decimal's scale: 10.100 USD is ten dollars ten cents.
        var rounded = decimal.Round(amount, currency.MinorUnits);
        if (rounded != amount)
        {
            rule = MoneyRule.Scale;
            return false;
        }

        money = new Money(WithScale(rounded, currency.MinorUnits), currency);
        rule = null;
        return true;
    }

    public static Money Zero(Currency currency) => Of(0m, currency);

    /// <summary>
    /// An amount read back from storage (where columns carry four decimals) with exactly its currency's
    /// decimals, e.g. 80000.0000 EUR becomes 80000.00. Throws if it has more than the currency allows.
    /// </summary>
    public static decimal Normalise(decimal amount, string currencyCode) => Of(amount, Currency.FromCode(currencyCode.Trim())).Amount;

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static Money operator -(Money value) => value.Negate();

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    /// <exception cref="MoneyException">The sum is beyond <see cref="MaxAmount"/>.</exception>
    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return Of(Amount + other.Amount, Currency);
    }

    /// <exception cref="InvalidOperationException">The currencies differ.</exception>
    /// <exception cref="MoneyException">The difference is beyond <see cref="MaxAmount"/>.</exception>
    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return Of(Amount - other.Amount, Currency);
    }

    public Money Negate() => new(WithScale(-Amount, Currency.MinorUnits), Currency);

    /// <exception cref="InvalidOperationException">The currencies differ: amounts in different currencies have no order.</exception>
    public int CompareTo(Money other)
    {
        EnsureSameCurrency(other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>Invariant culture, exactly <see cref="Currency.MinorUnits"/> decimals: "1234.50 USD", "1234 JPY".</summary>
    public override string ToString() =>
        Currency is null
            ? "(no currency)"
            : string.Create(CultureInfo.InvariantCulture, $"{Amount.ToString("F" + Currency.MinorUnits, CultureInfo.InvariantCulture)} {Currency.Code}");

    private void EnsureSameCurrency(Money other)
    {
        if (Currency != other.Currency)
        {
            throw new InvalidOperationException(
                $"Cannot combine {Currency?.Code ?? "no currency"} with {other.Currency?.Code ?? "no currency"}; convert first.");
        }
    }

    // Adding a zero of scale n gives a result of scale n when the value has at most n decimals;
    // zero is made positive so that -0.00 never prints.
    private static decimal WithScale(decimal value, int minorUnits) =>
        (value == 0m ? 0m : value) + new decimal(0, 0, 0, false, (byte)minorUnits);

    private static string Explain(string rule, decimal amount, Currency currency) =>
        rule == MoneyRule.Range
            ? string.Create(CultureInfo.InvariantCulture, $"{amount} {currency.Code} is beyond the largest amount allowed ({MaxAmount}).")
            : string.Create(CultureInfo.InvariantCulture, $"{amount} {currency.Code} has more than the {currency.MinorUnits} decimals {currency.Code} allows.");
}
