namespace TrustFund.Reporting.Reconciliation;

/// <summary>The services whose own sums the ledger is compared with, as named in a <see cref="Difference"/>.</summary>
public static class ReconciledServices
{
    public const string Earmarking = "Earmarking";
    public const string Pledges = "Pledges";
    public const string Disbursements = "Disbursements";
}
