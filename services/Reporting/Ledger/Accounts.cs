namespace TrustFund.Reporting.Ledger;

/// <summary>The chart of accounts, as far as the events handled so far need it.</summary>
public static class Accounts
{
    public const string Cash = "1000-cash";
    public const string ContributionRevenueUnrestricted = "4000-contribution-revenue-without-donor-restrictions";
    public const string ContributionRevenueRestricted = "4100-contribution-revenue-with-donor-restrictions";

    /// <summary>Asset accounts carry debit balances; revenue and net asset accounts credit balances.</summary>
    public static bool IsDebitNormal(string account) => account.StartsWith('1');
}
