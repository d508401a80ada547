namespace TrustFund.Reporting.Reconciliation;

/// <summary>One fund of Pledges' GET /totals: pledges per pledge currency, contributions received per base currency.</summary>
public sealed record PledgesTotals(string FundId, IReadOnlyList<PledgedTotals> Pledges, IReadOnlyList<ReceivedTotals> Contributions);

public sealed record PledgedTotals(string Currency, decimal Pledged, decimal Paid, decimal Cancelled, decimal WrittenOff, decimal Outstanding);

public sealed record ReceivedTotals(string Currency, decimal Received);
