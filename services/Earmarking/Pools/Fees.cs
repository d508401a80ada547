using TrustFund.Contracts.Amounts;

namespace TrustFund.Earmarking.Pools;

/// <summary>The trustee's administrative fee: the one place it is computed and rounded.</summary>
public static class Fees
{
    /// <summary>fee = rate × amount, rounded once to the currency; net = amount − fee, so the two always add up.</summary>
    public static (Money Fee, Money Net) Split(Money amount, decimal rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1m);
        var fee = Rounding.ToMoney(amount.Amount * rate, amount.Currency);
        return (fee, amount - fee);
    }
}
