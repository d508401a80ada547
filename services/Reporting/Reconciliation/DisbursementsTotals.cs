namespace TrustFund.Reporting.Reconciliation;

/// <summary>One row of Disbursements' GET /totals (per fund and currency), of which the ledger can check what was paid.</summary>
public sealed record DisbursementsTotals(string FundId, string Currency, decimal Paid);
