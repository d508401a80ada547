namespace TrustFund.Reporting.Ledger;

/// <summary>The chart of accounts (the posting rule of each event is in the service's README).</summary>
public static class Accounts
{
    public const string Cash = "1000-cash";

    /// <summary>Pledges not yet paid, in the pledge's currency, valued in the base currency at the pledge's rate.</summary>
    public const string ContributionsReceivable = "1100-contributions-receivable";

    /// <summary>
    /// The other side of a receivable held in a currency other than the base: short in that currency, long in the base
    /// currency, so every entry balances in each currency. It holds nothing once the pledges in that currency are settled.
    /// </summary>
    public const string CurrencyExchangePosition = "1900-currency-exchange-position";

    /// <summary>Net assets: what the statement of financial position reports revenue less expenses as, by class.</summary>
    public const string NetAssetsUnrestricted = "3000-net-assets-without-donor-restrictions";

    public const string NetAssetsRestricted = "3100-net-assets-with-donor-restrictions";

    public const string ContributionRevenueUnrestricted = "4000-contribution-revenue-without-donor-restrictions";
    public const string ContributionRevenueRestricted = "4100-contribution-revenue-with-donor-restrictions";
    public const string InterestIncomeUnrestricted = "4200-interest-income-without-donor-restrictions";
    public const string InterestIncomeRestricted = "4210-interest-income-with-donor-restrictions";

    /// <summary>Realised exchange gains (credit) and losses (debit) when a pledge in another currency is paid, by the pledge's class.</summary>
    public const string ExchangeDifferencesUnrestricted = "4300-exchange-differences-without-donor-restrictions";

    public const string ExchangeDifferencesRestricted = "4310-exchange-differences-with-donor-restrictions";

    /// <summary>Restricted money spent on its purpose: out of "with donor restrictions" (debit) ...</summary>
    public const string ReleasedFromRestrictionWith = "4900-released-from-restriction-with-donor-restrictions";

    /// <summary>... and into "without donor restrictions" (credit), one line each.</summary>
    public const string ReleasedFromRestrictionWithout = "4910-released-from-restriction-without-donor-restrictions";

    public const string TransfersToPartners = "5000-transfers-to-implementing-partners";
    public const string RefundsFromPartners = "5050-refunds-from-implementing-partners";
    public const string AdministrativeAgentFee = "5100-administrative-agent-fee";

    /// <summary>Uncollectible pledges written off, by the pledge's class.</summary>
    public const string PledgesWrittenOffUnrestricted = "5200-pledges-written-off-without-donor-restrictions";

    public const string PledgesWrittenOffRestricted = "5210-pledges-written-off-with-donor-restrictions";

    /// <summary>Asset and expense accounts carry debit balances; revenue and net asset accounts credit balances.</summary>
    public static bool IsDebitNormal(string account) => account[0] is '1' or '5';

    /// <summary>Revenue and expense accounts whose balance belongs to net assets with donor restrictions.</summary>
    public static bool IsRestricted(string account) => account is ContributionRevenueRestricted or InterestIncomeRestricted
        or ExchangeDifferencesRestricted or ReleasedFromRestrictionWith or PledgesWrittenOffRestricted or NetAssetsRestricted;

    public static bool IsAsset(string account) => account[0] == '1';

    /// <summary>Revenue and expenses: the change in net assets.</summary>
    public static bool IsActivity(string account) => account[0] is '4' or '5';

    public static string Revenue(bool restricted) => restricted ? ContributionRevenueRestricted : ContributionRevenueUnrestricted;

    public static string ExchangeDifferences(bool restricted) => restricted ? ExchangeDifferencesRestricted : ExchangeDifferencesUnrestricted;

    public static string PledgesWrittenOff(bool restricted) => restricted ? PledgesWrittenOffRestricted : PledgesWrittenOffUnrestricted;
}
