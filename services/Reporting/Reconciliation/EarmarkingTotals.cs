namespace TrustFund.Reporting.Reconciliation;

/// <summary>One row of Earmarking's GET /totals.</summary>
public sealed record EarmarkingTotals(string Currency, decimal Contributions, decimal Interest, decimal Fees, decimal Available, decimal Reserved,
    decimal Disbursed, decimal Refunded, decimal Suspense);
