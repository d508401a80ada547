namespace TrustFund.Reporting.Ledger;

/// <summary>The chart of accounts (the posting rule of each event is in the service's README).</summary>
public static class Accounts
{
    public const string Cash = "1000-cash";
    public const string ContributionRevenueUnrestricted = "4000-contribution-revenue-without-donor-restrictions";
    public const string ContributionRevenueRestricted = "4100-contribution-revenue-with-donor-restrictions";
    public const string InterestIncomeUnrestricted = "4200-interest-income-without-donor-restrictions";
    public const string InterestIncomeRestricted = "4210-interest-income-with-donor-restrictions";

    /// <summary>Restricted money spent on its purpose: out of "with donor restrictions" (debit) ...</summary>
    public const string ReleasedFromRestrictionWith = "4900-released-from-restriction-with-donor-restrictions";

    /// <summary>... and into "without donor restrictions" (credit), one line each.</summary>
    public const string ReleasedFromRestrictionWithout = "4910-released-from-restriction-without-donor-restrictions";

    public const string TransfersToPartners = "5000-transfers-to-implementing-partners";
    public const string RefundsFromPartners = "5050-refunds-from-implementing-partners";
    public const string AdministrativeAgentFee = "5100-administrative-agent-fee";

    /// <summary>Asset and expense accounts carry debit balances; revenue and net asset accounts credit balances.</summary>
    public static bool IsDebitNormal(string account) => account[0] is '1' or '5';
}
