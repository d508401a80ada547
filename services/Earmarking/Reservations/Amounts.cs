using TrustFund.Contracts.Amounts;

namespace TrustFund.Earmarking.Reservations;

public static class Amounts
{
    /// <summary>An amount as its currency shows it (10.0000 USD is 10.00), or as stored when it is not valid money (a rejected request's).</summary>
    public static decimal Shown(decimal amount, string currency) =>
        Currency.TryFromCode(currency, out var c) && Money.TryOf(decimal.Round(amount, 4), c, out var money, out _) ? money.Amount : amount;
}
