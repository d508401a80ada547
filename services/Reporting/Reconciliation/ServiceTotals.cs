namespace TrustFund.Reporting.Reconciliation;

/// <summary>One row of Earmarking's GET /totals.</summary>
public sealed record EarmarkingTotals(string Currency, decimal Contributions, decimal Interest, decimal Fees, decimal Available, decimal Reserved,
    decimal Disbursed, decimal Refunded, decimal Suspense);

/// <summary>One fund of Pledges' GET /totals: pledges per pledge currency, contributions received per base currency.</summary>
public sealed record PledgesTotals(string FundId, IReadOnlyList<PledgedTotals> Pledges, IReadOnlyList<ReceivedTotals> Contributions);

public sealed record PledgedTotals(string Currency, decimal Pledged, decimal Paid, decimal Cancelled, decimal WrittenOff, decimal Outstanding);

public sealed record ReceivedTotals(string Currency, decimal Received);

/// <summary>One row of Disbursements' GET /totals (per fund and currency), of which the ledger can check what was paid.</summary>
public sealed record DisbursementsTotals(string FundId, string Currency, decimal Paid);
